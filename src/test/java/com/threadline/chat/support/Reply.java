package com.threadline.chat.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;

/** Sends one {@link Script} as the answer to one request of the fake model server. */
final class Reply {

	private static final long LONGEST_HANG_MINUTES = 10;

	private final HttpExchange exchange;

	private final RecordedRequest request;

	private final Script script;

	private final CountDownLatch released;

	private int written;

	Reply(HttpExchange exchange, RecordedRequest request, Script script, CountDownLatch released) {
		this.exchange = exchange;
		this.request = request;
		this.script = script;
		this.released = released;
	}

	void send() throws IOException {
		if (this.script.hang) {
			hangThenCut();
		}
		if (this.script.errorBody != null) {
			this.script.headers.forEach((name, value) -> this.exchange.getResponseHeaders().set(name, value));
			FakeModelServer.respond(this.exchange, this.script.status, this.script.errorBody);
		}
		else if (this.request.stream()) {
			stream();
		}
		else {
			complete();
		}
	}

	private void stream() throws IOException {
		this.exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
		this.exchange.getResponseHeaders().set("Cache-Control", "no-cache");
		this.exchange.sendResponseHeaders(200, 0);
		CompletionChunks chunks = new CompletionChunks(this.script, this.request.model(), this.request.includeUsage());
		if (chunks.opening() != null) {
			write(chunks.opening());
		}
		List<String> deltas = chunks.deltas();
		for (int i = 0; i < deltas.size(); i++) {
			if (faultAt(i)) {
				return;
			}
			write(deltas.get(i));
		}
		if (faultAt(deltas.size())) {
			return;
		}
		write(chunks.finish());
		if (chunks.includeUsage()) {
			write(chunks.usage());
		}
		write("[DONE]");
		if (this.script.fault == Script.Fault.HOLD_OPEN) {
			hangThenCut();
		}
		this.exchange.close();
		this.request.outcome().complete(RecordedRequest.Outcome.COMPLETED);
	}

	/** Applies the script's fault if it is due here; true when the reply ends here. */
	private boolean faultAt(int deltaIndex) throws IOException {
		if (this.script.faultAfter != deltaIndex) {
			return false;
		}
		switch (this.script.fault) {
			case CUT -> cut();
			case END -> {
				this.exchange.close();
				this.request.outcome().complete(RecordedRequest.Outcome.COMPLETED);
				return true;
			}
			case STALL -> hangThenCut();
			case MALFORMED -> write("{\"id\":\"chatcmpl-broken\", this is not JSON");
			case NONE, HOLD_OPEN -> {
			}
		}
		return false;
	}

	private void complete() throws IOException {
		switch (this.script.fault) {
			case CUT, END -> cut();
			case STALL -> hangThenCut();
			case MALFORMED -> FakeModelServer.respond(this.exchange, 200, "this is not JSON");
			case NONE, HOLD_OPEN -> FakeModelServer.respond(this.exchange, 200,
					new CompletionChunks(this.script, this.request.model(), true).completion());
		}
	}

	private void write(String data) throws IOException {
		if (this.written++ > 0 && this.script.delay.isPositive()) {
			pause();
		}
		OutputStream body = this.exchange.getResponseBody();
		body.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
		body.flush();
	}

	private void pause() {
		try {
			if (this.released.await(this.script.delay.toNanos(), TimeUnit.NANOSECONDS)) {
				this.request.outcome().complete(RecordedRequest.Outcome.RELEASED);
				throw new ConnectionCut();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.request.outcome().complete(RecordedRequest.Outcome.RELEASED);
			throw new ConnectionCut();
		}
	}

	private void hangThenCut() {
		try {
			this.released.await(LONGEST_HANG_MINUTES, TimeUnit.MINUTES);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.request.outcome().complete(RecordedRequest.Outcome.RELEASED);
		throw new ConnectionCut();
	}

	private void cut() throws IOException {
		this.exchange.getResponseBody().flush();
		this.request.outcome().complete(RecordedRequest.Outcome.CUT);
		throw new ConnectionCut();
	}

	/**
	 * Thrown out of the handler: the JDK server then closes the connection without ending
	 * the response.
	 */
	static final class ConnectionCut extends RuntimeException {

		ConnectionCut() {
			super("connection cut by script", null, false, false);
		}

	}

}
