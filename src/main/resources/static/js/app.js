// The chat page: sign-in, the user's threads, a thread's history, and sending a message whose run streams
// in. Everything goes through the public API with the user's token, exactly as a tenant's own frontend would.

import { Api, ApiError, demoSession } from './api.js';
import { t, translatePage } from './i18n.js';
import { useApi } from './images.js';
import { confirmLinkSignIn } from './link-sign-in.js';
import { ReplyView, renderHistory, userMessage } from './messages.js';
import { RunStream } from './run-stream.js';

const SESSION_KEY = 'threadline.session';
const PAGE_SIZE = 30;

const $ = (testid) => document.querySelector(`[data-testid="${testid}"]`);

const view = {
	signIn: document.getElementById('sign-in'),
	chat: document.getElementById('chat'),
	error: $('error'),
	threadList: $('thread-list'),
	moreThreads: $('more-threads'),
	messages: $('messages'),
	input: $('message-input'),
	send: $('send'),
	cancel: $('cancel'),
	connection: $('connection'),
};

const state = {
	api: null,
	session: null,
	threadId: null,
	lastThreadId: null,
	stream: null,
	cancelRequested: false,
	generation: 0,
	stickToBottom: true,
	reconnects: 0,
};

// ---- errors: shown, never swallowed ----

function showError(error) {
	console.error(error);
	if (error instanceof ApiError && error.status === 401 && state.session) {
		signOut(); // the token expired or was revoked: back to signing in, with the reason below
	}
	const text = (error instanceof ApiError) ? t('httpError', { message: error.message, status: error.status })
		: (typeof error === 'string') ? error : (error?.message ?? String(error));
	view.error.querySelector('.error-text').textContent = text;
	view.error.hidden = false;
}

function clearError() {
	view.error.hidden = true;
	view.error.querySelector('.error-text').textContent = '';
}

view.error.querySelector('.error-close').addEventListener('click', clearError);
window.addEventListener('unhandledrejection', (event) => showError(event.reason));

// ---- sign-in ----

// "#token=…&assistant=…" offers to sign in (a fragment never reaches a server, so the token stays out of its logs);
// "#thread=…" names the open thread. The token is taken out of the address at once, before anything else.
function readFragment() {
	const params = new URLSearchParams(location.hash.slice(1));
	const token = params.get('token');
	const thread = params.get('thread');
	if (token) {
		history.replaceState(null, '', location.pathname + location.search + (thread ? `#thread=${thread}` : ''));
	}
	return { session: token ? { token, assistant: params.get('assistant') ?? '' } : null, thread };
}

function showSignIn(session) {
	view.chat.hidden = true;
	view.signIn.hidden = false;
	document.getElementById('token').value = session?.token ?? '';
	document.getElementById('assistant').value = session?.assistant ?? '';
}

async function signIn(session, threadId) {
	clearError();
	if (!session.assistant) {
		showSignIn(session);
		return;
	}
	const api = new Api(session.token);
	let assistant;
	try {
		assistant = await api.get(`v1/assistants/${encodeURIComponent(session.assistant)}`);
	}
	catch (error) {
		sessionStorage.removeItem(SESSION_KEY);
		showSignIn(session);
		showError(error);
		return;
	}
	sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
	state.api = api;
	useApi(api);
	state.session = session;
	$('assistant-name').textContent = assistant.name || assistant.id;
	$('user').textContent = session.user ?? '';
	view.signIn.hidden = true;
	view.chat.hidden = false;
	newThread();
	await loadThreads();
	if (threadId) {
		await openThread(threadId);
	}
	view.input.focus();
}

function signOut() {
	closeStream();
	sessionStorage.removeItem(SESSION_KEY);
	state.api = null;
	useApi(null);
	state.session = null;
	view.threadList.replaceChildren();
	history.replaceState(null, '', location.pathname + location.search);
	showSignIn(null);
}

async function tryDemo() {
	clearError();
	const session = await demoSession();
	if (!session) {
		document.querySelector('[data-demo]').hidden = true;
		showError(t('demoUnavailable'));
		return;
	}
	await signIn({ token: session.token, assistant: session.assistant_id, user: session.user });
}

// ---- threads ----

function titleOf(text) {
	const words = text.replace(/\s+/g, ' ').trim();
	const chars = Array.from(words);
	return (chars.length > 60) ? `${chars.slice(0, 60).join('')}…` : words;
}

function threadItem(thread) {
	const li = document.createElement('li');
	const button = document.createElement('button');
	button.type = 'button';
	button.dataset.threadId = thread.id;
	button.textContent = thread.metadata?.title
		|| t('untitled', { date: new Date(thread.created_at * 1000).toLocaleString() });
	button.title = button.textContent;
	button.addEventListener('click', () => openThread(thread.id).catch(showError));
	li.appendChild(button);
	return li;
}

async function loadThreads(more = false) {
	const after = more ? `&after=${encodeURIComponent(state.lastThreadId)}` : '';
	const page = await state.api.get(`v1/threads?limit=${PAGE_SIZE}&order=desc${after}`);
	if (!more) {
		view.threadList.replaceChildren();
	}
	page.data.forEach((thread) => view.threadList.appendChild(threadItem(thread)));
	state.lastThreadId = page.last_id;
	view.moreThreads.hidden = !page.has_more;
	markCurrent();
}

function markCurrent() {
	view.threadList.querySelectorAll('button[data-thread-id]').forEach((button) => {
		button.setAttribute('aria-current', String(button.dataset.threadId === state.threadId));
	});
}

function setThread(threadId) {
	state.threadId = threadId;
	history.replaceState(null, '', location.pathname + location.search + (threadId ? `#thread=${threadId}` : ''));
	markCurrent();
}

function clearMessages() {
	view.messages.replaceChildren();
	state.stickToBottom = true;
}

function showEmpty() {
	const empty = document.createElement('p');
	empty.className = 'empty';
	empty.textContent = t('emptyThread');
	view.messages.replaceChildren(empty);
}

function newThread() {
	closeStream();
	state.generation++;
	setThread(null);
	showEmpty();
	view.input.focus();
}

async function listAll(path) {
	const items = [];
	let after = '';
	for (;;) {
		const page = await state.api.get(`${path}${path.includes('?') ? '&' : '?'}limit=100&order=asc${after}`);
		items.push(...page.data);
		if (!page.has_more || page.data.length === 0) {
			return items;
		}
		after = `&after=${encodeURIComponent(page.last_id)}`;
	}
}

async function openThread(threadId) {
	closeStream();
	clearError();
	const generation = ++state.generation;
	setThread(threadId);
	clearMessages();
	const base = `v1/threads/${encodeURIComponent(threadId)}`;
	const [thread, messages] = await Promise.all([state.api.get(base), listAll(`${base}/messages`)]);
	const active = thread.active_run_id;
	const shown = messages.filter((m) => !(active && m.role === 'assistant' && m.run_id === active));
	const runIds = [...new Set(shown.filter((m) => m.role === 'assistant' && m.run_id).map((m) => m.run_id))];
	const steps = await Promise.all(runIds.map((runId) => listAll(`${base}/runs/${runId}/steps`)));
	if (generation !== state.generation) {
		return;
	}
	renderHistory(view.messages, shown, new Map(runIds.map((runId, i) => [runId, steps[i]])));
	if (messages.length === 0) {
		showEmpty();
	}
	scrollToBottom();
	if (active) {
		follow((stream) => stream.resume(active));
	}
}

// ---- sending and streaming ----

function setRunning(running) {
	view.send.disabled = running;
	view.cancel.hidden = !running;
	view.cancel.disabled = false;
}

function setConnection(connectionState) {
	if (connectionState === 'resumed') {
		state.reconnects++;
		view.connection.dataset.reconnects = String(state.reconnects);
	}
	view.connection.dataset.state = connectionState;
	const texts = { connecting: 'connecting', streaming: 'streaming', reconnecting: 'reconnecting', resumed: 'resumed' };
	view.connection.textContent = texts[connectionState] ? t(texts[connectionState]) : '';
}

function closeStream() {
	state.stream?.close();
	state.stream = null;
	setRunning(false);
	setConnection('ended');
}

function follow(begin) {
	const reply = new ReplyView(view.messages, {
		onRun: (run) => {
			if (run.status === 'failed') {
				showError(t('runFailed', { message: run.last_error?.message ?? run.last_error?.code ?? '' }));
			}
		},
	});
	const stream = new RunStream(state.api, state.threadId, {
		onEvent: (name, data) => {
			view.messages.querySelector('.empty')?.remove();
			reply.apply(name, data);
			if (name === 'thread.run.created' && state.cancelRequested) {
				cancel();
			}
			if (name === 'thread.run.requires_action') {
				const calls = data.required_action?.submit_tool_outputs?.tool_calls ?? [];
				showError(t('requiresAction', { names: calls.map((c) => c.function?.name).join(', ') }));
				cancel();
			}
		},
		onState: (connectionState) => {
			if (state.stream !== stream) {
				return;
			}
			setConnection(connectionState);
			if (connectionState === 'ended') {
				state.stream = null;
				setRunning(false);
			}
		},
		onError: (error, kind) => {
			if (state.stream !== stream) {
				return;
			}
			showError((kind === 'stream') ? t('streamError', { message: error.message })
				: (kind === 'connection') ? t('connectionLost', { message: error.message }) : error);
		},
	});
	state.stream = stream;
	state.cancelRequested = false;
	setRunning(true);
	begin(stream).catch(showError);
}

async function send(text) {
	if (!text.trim() || state.stream || !state.api) {
		return;
	}
	clearError();
	view.messages.querySelector('.empty')?.remove();
	const bubble = userMessage(text);
	state.stickToBottom = true;
	view.messages.appendChild(bubble);
	view.input.value = '';
	setRunning(true);
	try {
		if (state.threadId) {
			await state.api.post(`v1/threads/${encodeURIComponent(state.threadId)}/messages`, { role: 'user', content: text });
		}
		else {
			const thread = await state.api.post('v1/threads', {
				metadata: { title: titleOf(text) },
				messages: [{ role: 'user', content: text }],
			});
			view.threadList.prepend(threadItem(thread));
			setThread(thread.id);
		}
	}
	catch (error) {
		// Nothing was sent: give the text back rather than lose it.
		bubble.remove();
		view.input.value = text;
		setRunning(false);
		showError(error);
		return;
	}
	follow((stream) => stream.start(state.session.assistant));
}

async function cancel() {
	const stream = state.stream;
	if (!stream || stream.cancelSent) {
		return;
	}
	state.cancelRequested = true;
	if (!stream.runId) {
		return; // cancelled as soon as the run is created
	}
	stream.cancelSent = true;
	view.cancel.disabled = true;
	try {
		await stream.cancel();
	}
	catch (error) {
		stream.cancelSent = false;
		view.cancel.disabled = false;
		showError(error);
	}
}

// ---- scrolling: follow the reply while the reader is at the bottom ----

function scrollToBottom() {
	view.messages.scrollTop = view.messages.scrollHeight;
}

view.messages.addEventListener('scroll', () => {
	const { scrollHeight, scrollTop, clientHeight } = view.messages;
	state.stickToBottom = scrollHeight - scrollTop - clientHeight < 80;
});

new MutationObserver(() => {
	if (state.stickToBottom) {
		scrollToBottom();
	}
}).observe(view.messages, { childList: true, subtree: true, characterData: true });

// ---- wiring ----

document.querySelector('.composer').addEventListener('submit', (event) => {
	event.preventDefault();
	send(view.input.value).catch(showError);
});

view.input.addEventListener('keydown', (event) => {
	// Enter sends, Shift+Enter breaks the line; never while an IME is composing (Chinese input).
	if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
		event.preventDefault();
		send(view.input.value).catch(showError);
	}
});

view.cancel.addEventListener('click', () => cancel().catch(showError));
$('new-thread').addEventListener('click', newThread);
view.moreThreads.addEventListener('click', () => loadThreads(true).catch(showError));
$('sign-out').addEventListener('click', signOut);
$('demo').addEventListener('click', () => tryDemo().catch(showError));
document.querySelector('.token-form').addEventListener('submit', (event) => {
	event.preventDefault();
	const form = new FormData(event.target);
	signIn({ token: form.get('token').trim(), assistant: form.get('assistant').trim() }).catch(showError);
});

// A link's token is used only once the reader confirms (js/link-sign-in.js); declining keeps whatever session
// this tab had, and the link's thread goes out of the address with its token.
async function signInFromLink(link) {
	showSignIn(null);
	if (await confirmLinkSignIn(link.session)) {
		await signIn(link.session, link.thread);
		return;
	}
	history.replaceState(null, '', location.pathname + location.search);
	const stored = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null');
	if (stored) {
		await signIn(stored);
	}
	else {
		showSignIn(null);
	}
}

async function start() {
	translatePage();
	const fragment = readFragment();
	if (fragment.session) {
		// not awaited: the page is ready (and its tests may go on) while it asks
		signInFromLink(fragment).catch(showError);
		return;
	}
	const session = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null');
	if (session) {
		await signIn(session, fragment.thread);
	}
	else {
		showSignIn(null);
	}
}

start().catch(showError).finally(() => (document.body.dataset.ready = 'true'));
