// The conversation as the user sees it: message bubbles ({@code data-testid="message"}), tool-call cards,
// and, for a run being followed, the reply built up from the run's events.

import { languageOf, t } from './i18n.js';
import { imageKey, imagePart } from './images.js';
import { renderMarkdown } from './markdown.js';
import { ToolCallView } from './tool-calls.js';

const TERMINAL = new Set(['completed', 'failed', 'cancelled', 'expired', 'incomplete']);

/** Whether a run status is final. */
export function isTerminal(status) {
	return TERMINAL.has(status);
}

function textOf(content) {
	return (content ?? []).filter((part) => part.type === 'text').map((part) => part.text?.value ?? '').join('');
}

/** A user's message (a string, or content parts): plain text, never HTML, and its images in order. */
export function userMessage(content, id) {
	const el = document.createElement('article');
	el.className = 'message';
	el.dataset.testid = 'message';
	el.dataset.role = 'user';
	if (id) {
		el.dataset.messageId = id;
	}
	const text = (typeof content === 'string') ? content : textOf(content);
	const lang = languageOf(text);
	if (lang) {
		el.lang = lang;
	}
	if (typeof content === 'string') {
		el.textContent = text;
		return el;
	}
	for (const part of content ?? []) {
		el.append((part.type === 'text') ? (part.text?.value ?? '') : (imagePart(part) ?? ''));
	}
	return el;
}

/** An assistant's message, rendered as sanitised markdown; text may stream in. */
export class AssistantMessageView {
	constructor(message) {
		this.element = document.createElement('article');
		this.element.className = 'message';
		this.element.dataset.testid = 'message';
		this.element.dataset.role = 'assistant';
		this.content = document.createElement('div');
		this.content.className = 'content';
		this.gallery = document.createElement('div');
		this.gallery.className = 'images';
		this.element.append(this.content, this.gallery);
		this.parts = [];
		this.imageParts = [];
		this.shownImages = '';
		this.scheduled = false;
		this.update(message);
	}

	/**
	 * Takes a message object as the truth when it is final (completed, incomplete, or from history) or the
	 * first seen; an in-progress snapshot only updates the status, since the text streamed so far lives in
	 * deltas the snapshot may not hold yet.
	 */
	update(message) {
		const status = message.status ?? 'completed';
		if (status !== 'in_progress' || this.element.dataset.messageId !== message.id) {
			this.parts = (message.content ?? []).map((part) => (part.type === 'text' ? (part.text?.value ?? '') : ''));
			this.imageParts = (message.content ?? []).map((part) => (part.type === 'text' ? null : part));
		}
		this.element.dataset.messageId = message.id;
		this.setStatus(status);
		this.render();
	}

	/** Applies a {@code thread.message.delta}: text pieces appended to the content part at their index. */
	applyDelta(delta) {
		for (const part of delta.content ?? []) {
			if (part.type === 'text') {
				const index = part.index ?? this.parts.length;
				this.parts[index] = (this.parts[index] ?? '') + (part.text?.value ?? '');
			}
			else if (part.type === 'image_file' || part.type === 'image_url') {
				const index = part.index ?? this.imageParts.length;
				this.imageParts[index] = part;
				this.parts[index] = this.parts[index] ?? '';
			}
		}
		this.schedule();
	}

	setStatus(status) {
		this.element.dataset.status = status;
		this.element.setAttribute('aria-busy', String(status === 'in_progress'));
	}

	text() {
		return this.parts.join('');
	}

	// Deltas arrive faster than frames: render at most once per frame.
	schedule() {
		if (!this.scheduled) {
			this.scheduled = true;
			requestAnimationFrame(() => {
				this.scheduled = false;
				this.render();
			});
		}
	}

	render() {
		const text = this.text();
		const lang = languageOf(text);
		if (lang) {
			this.element.lang = lang;
		}
		renderMarkdown(this.content, text);
		this.renderImages();
	}

	// Images are rebuilt only when they change, so a streamed reply does not fetch them again on every delta.
	renderImages() {
		const parts = this.imageParts.filter((part) => part && imageKey(part));
		const key = parts.map(imageKey).join(' ');
		if (key !== this.shownImages) {
			this.shownImages = key;
			this.gallery.replaceChildren(...parts.map(imagePart).filter((el) => el !== null));
		}
	}
}

/** A line under a reply saying how its run ended, when it did not simply complete. */
export function runStatusNote(run) {
	const el = document.createElement('p');
	el.className = 'run-status';
	el.dataset.testid = 'run-status';
	el.dataset.status = run.status;
	el.dataset.runId = run.id;
	const texts = {
		cancelled: () => t('runCancelled'),
		failed: () => t('runFailed', { message: run.last_error?.message ?? run.last_error?.code ?? '' }),
		expired: () => t('runExpired'),
		incomplete: () => t('runIncomplete', { reason: run.incomplete_details?.reason ?? '' }),
	};
	el.textContent = texts[run.status]?.() ?? run.status;
	return el;
}

/**
 * The tool calls of one run step. Deltas carry each call's index and pieces of it (arguments as
 * fragments, the name and id once); the step object itself, when created or completed, is the truth.
 */
class StepView {
	constructor(container) {
		this.container = container;
		this.calls = [];
		this.views = [];
		this.status = 'in_progress';
	}

	// A final snapshot is the truth; an in-progress one may lag behind the deltas already applied.
	update(step) {
		this.status = step.status ?? 'completed';
		const calls = step.step_details?.tool_calls ?? [];
		if (this.status !== 'in_progress' || this.calls.length === 0) {
			this.calls = structuredClone(calls);
		}
		this.render();
	}

	/** The run ended while this step was still going: the step ends with it. */
	endWith(runStatus) {
		if (this.status === 'in_progress') {
			this.status = (runStatus === 'incomplete') ? 'cancelled' : runStatus;
			this.render();
		}
	}

	applyDelta(delta) {
		for (const piece of delta.step_details?.tool_calls ?? []) {
			const index = piece.index ?? this.calls.length;
			const call = this.calls[index] ?? (this.calls[index] = { type: piece.type });
			merge(call, piece);
		}
		this.render();
	}

	render() {
		this.calls.forEach((call, index) => {
			if (!call) {
				return;
			}
			if (!this.views[index]) {
				this.views[index] = new ToolCallView();
				this.container.appendChild(this.views[index].element);
			}
			this.views[index].update(call, this.status);
		});
	}
}

// Merges a streamed piece of a tool call into the call: ids, types and names are set, argument and
// code-input fragments appended, outputs taken once present.
function merge(call, piece) {
	for (const key of ['id', 'type']) {
		if (piece[key]) {
			call[key] = piece[key];
		}
	}
	if (piece.function) {
		const fn = call.function ?? (call.function = { name: '', arguments: '', output: null });
		if (piece.function.name) {
			fn.name = piece.function.name;
		}
		fn.arguments = (fn.arguments ?? '') + (piece.function.arguments ?? '');
		if (piece.function.output !== undefined && piece.function.output !== null) {
			fn.output = piece.function.output;
		}
	}
	if (piece.code_interpreter) {
		const ci = call.code_interpreter ?? (call.code_interpreter = { input: '', outputs: [] });
		ci.input = (ci.input ?? '') + (piece.code_interpreter.input ?? '');
		ci.outputs = [...(ci.outputs ?? []), ...(piece.code_interpreter.outputs ?? [])];
	}
}

/**
 * The reply to one run, built from its events ({@code thread.run.*}, {@code thread.run.step.*},
 * {@code thread.message.*}). Status events are snapshots, so applying one twice is harmless; deltas are
 * not, which is why a resumed stream must never repeat an event (see run-stream.js).
 */
export class ReplyView {
	constructor(container, { onRun = () => {} } = {}) {
		this.container = container;
		this.onRun = onRun;
		this.messages = new Map();
		this.steps = new Map();
		this.run = null;
		this.note = null;
	}

	apply(name, data) {
		if (name.startsWith('thread.run.step.')) {
			this.applyStep(name, data);
		}
		else if (name.startsWith('thread.run.')) {
			this.applyRun(data);
		}
		else if (name.startsWith('thread.message.')) {
			this.applyMessage(name, data);
		}
	}

	applyRun(run) {
		this.run = run;
		if (isTerminal(run.status)) {
			this.messages.forEach((view) => {
				if (view.element.dataset.status === 'in_progress') {
					view.setStatus('incomplete');
				}
			});
			this.steps.forEach((step) => step.endWith(run.status));
			if (run.status !== 'completed' && !this.note) {
				this.note = runStatusNote(run);
				this.container.appendChild(this.note);
			}
		}
		this.onRun(run);
	}

	applyStep(name, data) {
		if (name === 'thread.run.step.delta') {
			this.steps.get(data.id)?.applyDelta(data.delta ?? {});
			return;
		}
		if (data.type !== 'tool_calls' && data.step_details?.type !== 'tool_calls') {
			return;
		}
		let view = this.steps.get(data.id);
		if (!view) {
			view = new StepView(this.container);
			this.steps.set(data.id, view);
		}
		view.update(data);
	}

	applyMessage(name, data) {
		if (name === 'thread.message.delta') {
			this.messages.get(data.id)?.applyDelta(data.delta ?? {});
			return;
		}
		if (data.role && data.role !== 'assistant') {
			return;
		}
		let view = this.messages.get(data.id);
		if (!view) {
			view = new AssistantMessageView(data);
			this.messages.set(data.id, view);
			this.container.appendChild(view.element);
		}
		else {
			view.update(data);
		}
	}
}

/**
 * Renders a thread's history: its messages in order, each run's tool calls (from its steps) before the
 * run's answer, and a note for runs that did not complete.
 */
export function renderHistory(container, messages, stepsByRun) {
	const shownRuns = new Set();
	for (const message of messages) {
		if (message.role === 'user') {
			container.appendChild(userMessage(message.content ?? [], message.id));
			continue;
		}
		if (message.run_id && !shownRuns.has(message.run_id)) {
			shownRuns.add(message.run_id);
			const steps = stepsByRun.get(message.run_id) ?? [];
			for (const step of steps.filter((s) => s.type === 'tool_calls')) {
				const view = new StepView(container);
				view.update(step);
			}
		}
		// An unfinished message of a run no longer active will not finish: show it as incomplete.
		const status = (message.status === 'in_progress') ? 'incomplete' : message.status;
		const view = new AssistantMessageView({ ...message, status });
		container.appendChild(view.element);
		if (status === 'incomplete') {
			const note = document.createElement('p');
			note.className = 'run-status';
			note.dataset.status = 'incomplete';
			note.textContent = t('messageIncomplete');
			container.appendChild(note);
		}
	}
}
