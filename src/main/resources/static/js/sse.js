// A reader of text/event-stream bodies for fetch(), following the WHATWG "event stream interpretation"
// rules: lines end in CRLF, LF or CR (also when split across chunks); "data:" lines join with "\n";
// "event:" names the event (default "message"); "id:" sets the last event id (ignored when it holds NUL)
// and persists across events; ":" lines are comments (keep-alives); a blank line dispatches; an event
// with no data is not dispatched; an incomplete event at the end of the stream is dropped.

/** Incremental parser: push() decoded text in any chunking, get back the complete events. */
export class SseParser {
	constructor() {
		this.buffer = '';
		this.data = null;
		this.eventType = '';
		this.lastEventId = '';
		this.first = true;
	}

	/** @returns {{event: string, data: string, id: string}[]} the events completed by this text */
	push(text) {
		this.buffer += text;
		if (this.first && this.buffer.length > 0) {
			this.first = false;
			if (this.buffer.charCodeAt(0) === 0xfeff) {
				this.buffer = this.buffer.slice(1);
			}
		}
		const events = [];
		let start = 0;
		for (;;) {
			const end = this.lineEnd(start);
			if (end < 0) {
				break;
			}
			this.line(this.buffer.slice(start, end), events);
			start = end + ((this.buffer[end] === '\r' && this.buffer[end + 1] === '\n') ? 2 : 1);
		}
		this.buffer = this.buffer.slice(start);
		return events;
	}

	// The index of the next line terminator, or -1; a CR at the very end may be the first half of a CRLF.
	lineEnd(from) {
		for (let i = from; i < this.buffer.length; i++) {
			const c = this.buffer[i];
			if (c === '\n') {
				return i;
			}
			if (c === '\r') {
				return (i + 1 < this.buffer.length) ? i : -1;
			}
		}
		return -1;
	}

	/** Call at end of stream: a pending lone CR still ends its line; an undispatched event is dropped. */
	end() {
		const events = [];
		if (this.buffer.endsWith('\r')) {
			this.line(this.buffer.slice(0, -1), events);
		}
		this.buffer = '';
		this.data = null;
		this.eventType = '';
		return events;
	}

	line(line, events) {
		if (line === '') {
			if (this.data !== null) {
				events.push({ event: this.eventType || 'message', data: this.data, id: this.lastEventId });
			}
			this.data = null;
			this.eventType = '';
			return;
		}
		if (line.startsWith(':')) {
			return;
		}
		const colon = line.indexOf(':');
		const field = (colon < 0) ? line : line.slice(0, colon);
		let value = (colon < 0) ? '' : line.slice(colon + 1);
		if (value.startsWith(' ')) {
			value = value.slice(1);
		}
		if (field === 'data') {
			this.data = (this.data === null) ? value : `${this.data}\n${value}`;
		}
		else if (field === 'event') {
			this.eventType = value;
		}
		else if (field === 'id' && !value.includes('\0')) {
			this.lastEventId = value;
		}
	}
}

/**
 * Reads a response body as server-sent events. {@code onChunk} is called for every chunk received,
 * comments included, so a caller can tell a quiet but live stream from a dead one.
 *
 * @param {ReadableStream<Uint8Array>} body
 * @returns {AsyncGenerator<{event: string, data: string, id: string}>}
 */
export async function* readEvents(body, onChunk = () => {}) {
	const parser = new SseParser();
	const reader = body.pipeThrough(new TextDecoderStream('utf-8')).getReader();
	try {
		for (;;) {
			const { value, done } = await reader.read();
			if (done) {
				yield* parser.end();
				return;
			}
			onChunk();
			yield* parser.push(value);
		}
	}
	finally {
		// Also when the caller stops early: close the connection rather than leave it open.
		reader.cancel().catch(() => {});
	}
}
