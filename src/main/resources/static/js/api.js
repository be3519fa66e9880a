// The public API, exactly as a tenant's own frontend calls it: a user token as a bearer token, JSON in and
// out, and OpenAI's error envelope {"error": {"message", "type", "param", "code"}} turned into ApiError.

/** An HTTP error of the API, carrying OpenAI's error fields. */
export class ApiError extends Error {
	constructor(status, error) {
		super(error?.message || `HTTP ${status}`);
		this.name = 'ApiError';
		this.status = status;
		this.type = error?.type ?? null;
		this.code = error?.code ?? null;
		this.param = error?.param ?? null;
	}
}

/** URLs relative to the page, so the page also works when the service is mounted under a path. */
export function url(path) {
	return new URL(path, document.baseURI).toString();
}

/** Throws ApiError for a non-2xx response, with the envelope's message when the body has one. */
export async function check(response) {
	if (response.ok) {
		return response;
	}
	let error = null;
	try {
		const body = await response.json();
		error = body?.error ?? null;
	}
	catch {
		// not JSON: keep the status line
	}
	throw new ApiError(response.status, error ?? { message: response.statusText || `HTTP ${response.status}` });
}

export class Api {
	constructor(token) {
		this.token = token;
	}

	headers(extra = {}) {
		return { Authorization: `Bearer ${this.token}`, 'OpenAI-Beta': 'assistants=v2', ...extra };
	}

	async json(method, path, body, { signal } = {}) {
		const response = await fetch(url(path), {
			method,
			headers: this.headers(body === undefined ? {} : { 'Content-Type': 'application/json' }),
			body: body === undefined ? undefined : JSON.stringify(body),
			signal,
			cache: 'no-store',
		});
		await check(response);
		return response.json();
	}

	get(path, options) {
		return this.json('GET', path, undefined, options);
	}

	post(path, body, options) {
		return this.json('POST', path, body ?? {}, options);
	}

	/** The bytes of {@code path} (a file's content), with the bearer in a header as for JSON. */
	async blob(path, { signal } = {}) {
		const response = await fetch(url(path), { headers: this.headers(), signal, cache: 'no-store' });
		await check(response);
		return response.blob();
	}

	/** Opens a text/event-stream response; the caller reads its body. */
	async stream(method, path, { body, headers = {}, signal } = {}) {
		const response = await fetch(url(path), {
			method,
			headers: this.headers({
				Accept: 'text/event-stream',
				...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
				...headers,
			}),
			body: body === undefined ? undefined : JSON.stringify(body),
			signal,
			cache: 'no-store',
		});
		return check(response);
	}
}

/**
 * {@code POST /demo/session}: a token for a new demo user of the zero-setup demo tenant (the server
 * mints the user's name), or null when the server offers no demo (404).
 */
export async function demoSession() {
	const response = await fetch(url('demo/session'), { method: 'POST' });
	if (response.status === 404) {
		return null;
	}
	await check(response);
	return response.json();
}
