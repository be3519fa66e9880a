// A tool call of a run step, as the user sees it: which tool ran, with what input (the SQL of
// ask_database, the code of code_interpreter, else the JSON arguments) and its result, as a table when
// the result is rows and columns, else as text. A code_interpreter call shows its code as it streams in, then
// its logs, then the images it drew.

import { t } from './i18n.js';
import { fileImage } from './images.js';

function element(tag, attributes = {}, text) {
	const el = document.createElement(tag);
	Object.entries(attributes).forEach(([name, value]) => el.setAttribute(name, value));
	if (text !== undefined) {
		el.textContent = text;
	}
	return el;
}

function parseJson(text) {
	if (typeof text !== 'string') {
		return text ?? null;
	}
	try {
		return JSON.parse(text);
	}
	catch {
		return undefined;
	}
}

/**
 * The rows and columns of a tool result, when it is tabular: an array of objects, or an object with
 * "columns" (names or {name}) and "rows" (arrays or objects) and maybe "truncated" (ask_database's shape),
 * or an object holding such an array under "rows", "data" or "results". Null otherwise.
 */
export function tableOf(value) {
	if (Array.isArray(value)) {
		if (value.length > 0 && value.every((row) => row !== null && typeof row === 'object' && !Array.isArray(row))) {
			const columns = [...new Set(value.flatMap((row) => Object.keys(row)))];
			return { columns, rows: value.map((row) => columns.map((column) => row[column])) };
		}
		return (value.length === 0) ? { columns: [], rows: [] } : null;
	}
	if (value === null || typeof value !== 'object') {
		return null;
	}
	if (Array.isArray(value.columns) && Array.isArray(value.rows)) {
		const columns = value.columns.map((column) => (typeof column === 'object' && column !== null)
			? String(column.name ?? column.label ?? '') : String(column));
		const rows = value.rows.map((row) => (Array.isArray(row) ? row : columns.map((column) => row?.[column])));
		return { columns, rows, truncated: value.truncated === true };
	}
	for (const key of ['rows', 'data', 'results']) {
		if (Array.isArray(value[key])) {
			return tableOf(value[key]);
		}
	}
	return null;
}

function cell(value) {
	if (value === null || value === undefined) {
		return '';
	}
	return (typeof value === 'object') ? JSON.stringify(value) : String(value);
}

function renderTable(table) {
	if (table.rows.length === 0) {
		return element('p', { class: 'hint' }, t('noRows'));
	}
	const wrap = element('div', { class: 'table-wrap' });
	const el = element('table', { 'data-testid': 'tool-result-table' });
	const head = el.createTHead().insertRow();
	table.columns.forEach((column) => head.appendChild(element('th', { scope: 'col' }, column)));
	const body = el.createTBody();
	table.rows.forEach((row) => {
		const tr = body.insertRow();
		row.forEach((value) => tr.appendChild(element('td', {}, cell(value))));
	});
	wrap.appendChild(el);
	if (table.truncated) {
		wrap.appendChild(element('p', { class: 'hint' }, t('truncated')));
	}
	return wrap;
}

function pretty(value, fallback) {
	return (value === undefined) ? fallback : JSON.stringify(value, null, 2);
}

/** What went in: [heading, text, language class]. */
function inputOf(call) {
	if (call.type === 'code_interpreter') {
		return [t('toolCode'), call.code_interpreter?.input ?? '', 'python'];
	}
	const args = call.function?.arguments ?? '';
	const parsed = parseJson(args);
	if (call.function?.name === 'ask_database' && typeof parsed?.query === 'string') {
		return [t('toolQuery'), parsed.query, 'sql'];
	}
	if (call.function?.name === 'code_interpreter' && typeof parsed?.code === 'string') {
		return [t('toolCode'), parsed.code, 'python'];
	}
	return [t('toolArguments'), pretty(parsed, args), 'json'];
}

/** What came out, or null while the tool has not answered. */
function outputOf(call) {
	if (call.type === 'code_interpreter') {
		const outputs = call.code_interpreter?.outputs ?? [];
		if (outputs.length === 0) {
			return null;
		}
		const logs = outputs.filter((o) => o.type === 'logs').map((o) => o.logs ?? '');
		const images = outputs.filter((o) => o.type === 'image' && o.image?.file_id).map((o) => o.image.file_id);
		return { logs: (logs.length > 0) ? logs.join('\n') : null, images };
	}
	const output = call.function?.output;
	if (output === null || output === undefined) {
		return null;
	}
	const parsed = parseJson(output);
	const table = tableOf(parsed);
	return table ? { table } : { text: pretty(parsed, String(output)) };
}

function nameOf(call) {
	return (call.type === 'function') ? (call.function?.name || '…') : call.type;
}

/** A tool call card ({@code data-testid="tool-call"}) that is re-rendered as the call streams in. */
export class ToolCallView {
	constructor() {
		this.element = element('details', { class: 'tool-call', 'data-testid': 'tool-call' });
		this.element.open = true;
		this.images = new Map(); // file id -> <img>, kept across re-renders so each is fetched once
	}

	/** @param status the step's status: in_progress, completed, failed, cancelled or expired */
	update(call, status) {
		const [heading, input, language] = inputOf(call);
		const output = outputOf(call);
		const shown = (status === 'in_progress' && output) ? 'completed' : status;
		this.element.dataset.tool = nameOf(call);
		this.element.dataset.status = shown;
		this.element.replaceChildren();
		const summary = element('summary');
		const label = { in_progress: 'toolRunning', completed: 'toolDone', failed: 'toolFailed', cancelled: 'toolCancelled',
			expired: 'toolExpired' }[shown];
		summary.append(element('strong', {}, nameOf(call)), ` · ${label ? t(label) : shown}`);
		this.element.appendChild(summary);
		this.element.appendChild(element('h2', {}, heading));
		const pre = element('pre', { 'data-testid': 'tool-input' });
		pre.appendChild(element('code', { class: `language-${language}` }, input));
		this.element.appendChild(pre);
		if (output?.images) {
			this.renderCodeOutputs(output);
		}
		else if (output) {
			this.element.appendChild(element('h2', {}, t('toolResult')));
			this.element.appendChild(output.table ? renderTable(output.table)
				: element('pre', { 'data-testid': 'tool-output' }, output.text));
		}
	}

	renderCodeOutputs({ logs, images }) {
		if (logs !== null) {
			this.element.appendChild(element('h2', {}, t('toolLogs')));
			this.element.appendChild(element('pre', { 'data-testid': 'tool-output' }, logs));
		}
		if (images.length > 0) {
			this.element.appendChild(element('h2', {}, t('toolImages')));
			const gallery = element('div', { class: 'tool-images', 'data-testid': 'tool-images' });
			images.forEach((id) => {
				if (!this.images.has(id)) {
					this.images.set(id, fileImage(id));
				}
				gallery.appendChild(this.images.get(id));
			});
			this.element.appendChild(gallery);
		}
	}
}
