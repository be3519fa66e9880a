// Streams one run to the page, surviving dropped connections.
//
// A run starts as an OpenAI SDK starts it: POST /v1/threads/{t}/runs with "stream": true, read as
// server-sent events. That stream carries no event ids, so as soon as it has named the run
// (thread.run.created) the page leaves it and follows GET /v1/threads/{t}/runs/{r}/events instead, which
// replays the run's events from the start and then goes on live, each with "id: <sequence number>".
// Leaving the POST stream does not stop the run: a run lives independently of its HTTP requests.
//
// When the events connection drops (a network error, the body ending before "done", or 45 s without a
// byte although the server sends keep-alives every ~15 s), the page reconnects with
// "Last-Event-ID: <the id of the last event it applied>" and the server replays only what came after it,
// so the reply completes with no gap and nothing twice. As a second guard, an event whose id is not
// greater than the last applied one is ignored.

import { ApiError } from './api.js';
import { isTerminal } from './messages.js';
import { readEvents } from './sse.js';

const QUIET_LIMIT_MS = 45_000;
const RETRY_DELAYS_MS = [250, 500, 1000, 2000, 4000, 8000];
const MAX_ATTEMPTS_WITHOUT_PROGRESS = 12;

function retryable(error) {
	if (error instanceof ApiError) {
		return error.status >= 500 || error.status === 408 || error.status === 429;
	}
	return true;
}

function parse(event) {
	try {
		return JSON.parse(event.data);
	}
	catch {
		return { message: event.data };
	}
}

export class RunStream {
	/**
	 * @param handlers {{
	 *   onEvent(name: string, data: object): void,
	 *   onState(state: 'connecting'|'streaming'|'reconnecting'|'resumed'|'ended'): void,
	 *   onError(error: Error, kind: 'http'|'stream'|'connection'): void,
	 * }}
	 */
	constructor(api, threadId, handlers) {
		this.api = api;
		this.threadId = threadId;
		this.handlers = handlers;
		this.runId = null;
		this.lastId = null;
		this.closed = false;
		this.cancelSent = false;
		this.controller = null;
		this.wake = null;
		this.onOnline = () => this.wake?.();
		window.addEventListener('online', this.onOnline);
	}

	/** Creates a run of {@code assistantId} and follows it to its end. */
	async start(assistantId) {
		this.state('connecting');
		this.controller = new AbortController();
		try {
			const response = await this.api.stream('POST', this.path('/runs'), {
				body: { assistant_id: assistantId, stream: true },
				signal: this.controller.signal,
			});
			for await (const event of readEvents(response.body)) {
				if (event.event === 'error') {
					return this.fail(new Error(parse(event).message ?? event.data), 'stream');
				}
				if (event.event === 'thread.run.created') {
					const run = parse(event);
					this.runId = run.id;
					this.handlers.onEvent(event.event, run);
					break;
				}
			}
		}
		catch (error) {
			if (this.closed) {
				return this.end();
			}
			if (!(error instanceof ApiError) && await this.adoptActiveRun()) {
				return this.follow(); // the connection broke after the run was created: follow it anyway
			}
			return this.fail(error, (error instanceof ApiError) ? 'http' : 'connection');
		}
		finally {
			this.controller.abort();
		}
		if (!this.runId) {
			return this.fail(new Error('The run stream ended before the run was created.'), 'stream');
		}
		return this.follow();
	}

	// After a network error on the POST: the run may exist all the same, holding the thread.
	async adoptActiveRun() {
		try {
			const thread = await this.api.get(this.path(''));
			this.runId = thread.active_run_id ?? null;
		}
		catch {
			return false;
		}
		return this.runId !== null;
	}

	/** Follows an existing run from its first event (e.g. a thread opened while its run is active). */
	async resume(runId) {
		this.runId = runId;
		this.state('connecting');
		return this.follow();
	}

	/** Asks the server to cancel the run; its events then say how it ended. */
	async cancel() {
		if (this.runId) {
			await this.api.post(this.path(`/runs/${this.runId}/cancel`), {});
		}
	}

	/** Stops following (the run itself goes on). */
	close() {
		this.closed = true;
		this.controller?.abort();
		this.wake?.();
		window.removeEventListener('online', this.onOnline);
	}

	async follow() {
		let failures = 0;
		while (!this.closed) {
			let progressed = false;
			try {
				const outcome = await this.connect(() => (progressed = true));
				if (outcome === 'ended') {
					return this.end();
				}
				throw new Error('The event stream ended before the run did.');
			}
			catch (error) {
				if (this.closed) {
					return this.end();
				}
				failures = progressed ? 1 : failures + 1;
				if (!retryable(error) || failures > MAX_ATTEMPTS_WITHOUT_PROGRESS) {
					return this.fail(error, (error instanceof ApiError) ? 'http' : 'connection');
				}
				this.state('reconnecting');
				await this.pause(RETRY_DELAYS_MS[Math.min(failures, RETRY_DELAYS_MS.length) - 1]);
			}
		}
		return this.end();
	}

	// One connection to the events endpoint: 'ended' when the run is over, else throws or returns 'cut'.
	async connect(onProgress) {
		const controller = new AbortController();
		this.controller = controller;
		let quiet = setTimeout(() => controller.abort(), QUIET_LIMIT_MS);
		const alive = () => {
			clearTimeout(quiet);
			quiet = setTimeout(() => controller.abort(), QUIET_LIMIT_MS);
		};
		let runOver = false;
		try {
			const headers = (this.lastId !== null) ? { 'Last-Event-ID': this.lastId } : {};
			const response = await this.api.stream('GET', this.path(`/runs/${this.runId}/events`),
				{ headers, signal: controller.signal });
			this.state((this.lastId !== null) ? 'resumed' : 'streaming');
			for await (const event of readEvents(response.body, alive)) {
				if (this.closed) {
					return 'ended';
				}
				if (this.seen(event.id)) {
					continue;
				}
				if (event.id !== '') {
					this.lastId = event.id;
				}
				onProgress();
				if (event.event === 'done') {
					return 'ended';
				}
				const data = parse(event);
				if (event.event === 'error') {
					this.handlers.onError(new Error(data.message ?? data.error?.message ?? event.data), 'stream');
					return 'ended';
				}
				this.handlers.onEvent(event.event, data);
				if (event.event.startsWith('thread.run.') && !event.event.startsWith('thread.run.step.')) {
					runOver = isTerminal(data.status);
				}
			}
			return runOver ? 'ended' : 'cut';
		}
		finally {
			clearTimeout(quiet);
			controller.abort();
		}
	}

	path(suffix) {
		return `v1/threads/${encodeURIComponent(this.threadId)}${suffix}`;
	}

	seen(id) {
		if (id === '' || this.lastId === null || !/^\d+$/.test(id) || !/^\d+$/.test(this.lastId)) {
			return false;
		}
		return BigInt(id) <= BigInt(this.lastId);
	}

	pause(ms) {
		return new Promise((resolve) => {
			const timer = setTimeout(done, ms);
			const self = this;
			function done() {
				clearTimeout(timer);
				self.wake = null;
				resolve();
			}
			this.wake = done;
		});
	}

	state(state) {
		this.handlers.onState(state);
	}

	fail(error, kind) {
		this.handlers.onError(error, kind);
		return this.end();
	}

	end() {
		window.removeEventListener('online', this.onOnline);
		this.state('ended');
	}
}
