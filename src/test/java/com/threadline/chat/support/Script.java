package com.threadline.chat.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One scripted answer of the {@link FakeModelServer}: a streamed reply (text chunks, tool
 * calls, usage, finish reason), an HTTP error, or a fault. Scripts are immutable; every
 * modifier returns a new script.
 *
 * <pre class="code">
 * Script.text("Hello", " world");                                  // two content chunks, finish "stop"
 * Script.toolCalls(call("call_1", "get_weather", "{\"city\":\"Paris\"}"),
 *         call("call_2", "get_weather", "{\"city\":\"Rome\"}"));   // parallel calls, finish "tool_calls"
 * Script.text("Let me check.").withToolCalls(call(...));          // text, then a call
 * Script.text("a", "b", "c").delay(Duration.ofMillis(200));       // slow stream (cancel tests)
 * Script.text("Hel", "lo").cutAfter(1);                           // connection closed after "Hel"
 * Script.text("Hel", "lo").endAfter(1);                           // response ended after "Hel", no finish, no [DONE]
 * Script.text("Hello").holdOpenAfterDone();                       // [DONE], then the response stays open
 * Script.text("Hel", "lo").stallAfter(1);                         // nothing more after "Hel"
 * Script.text("Hel", "lo").malformedAfter(1);                     // a non-JSON data line after "Hel", then the rest
 * Script.text("long…").finishReason("length").usage(12, 4096);
 * Script.serverError(); Script.contextLengthExceeded(); Script.unauthorized();
 * Script.rateLimited(Duration.ofSeconds(1));                      // 429 with Retry-After: 1
 * Script.error(503, "server_error", null, "Overloaded").header("Retry-After", "2");
 * Script.hang();                                                   // request read, nothing ever sent
 * </pre>
 *
 * A <em>delta chunk</em> is one text piece or one tool-call delta; the opening chunk that
 * only carries {@code role} (text replies) and the closing finish and usage chunks are
 * not counted by {@link #cutAfter}, {@link #stallAfter} and {@link #malformedAfter}.
 */
public final class Script {

	/** What happens after the first {@code faultAfter} delta chunks. */
	enum Fault {

		NONE, CUT, END, STALL, MALFORMED, HOLD_OPEN

	}

	List<String> text = List.of();

	List<ToolCall> toolCalls = List.of();

	@Nullable String finishReason;

	long @Nullable [] usage;

	Duration delay = Duration.ZERO;

	int status = 200;

	@Nullable String errorBody;

	Map<String, String> headers = Map.of();

	boolean hang;

	Fault fault = Fault.NONE;

	int faultAfter;

	private Script() {
	}

	/** A copy to change: scripts never change once handed out. */
	private Script copy() {
		Script copy = new Script();
		copy.text = this.text;
		copy.toolCalls = this.toolCalls;
		copy.finishReason = this.finishReason;
		copy.usage = this.usage;
		copy.delay = this.delay;
		copy.status = this.status;
		copy.errorBody = this.errorBody;
		copy.headers = this.headers;
		copy.hang = this.hang;
		copy.fault = this.fault;
		copy.faultAfter = this.faultAfter;
		return copy;
	}

	private static Script reply(List<String> text, List<ToolCall> toolCalls) {
		Script script = new Script();
		script.text = List.copyOf(text);
		script.toolCalls = List.copyOf(toolCalls);
		return script;
	}

	/** A streamed text reply, one content chunk per argument; finishes with "stop". */
	public static Script text(String... chunks) {
		return reply(Arrays.asList(chunks), List.of());
	}

	/**
	 * A reply of parallel tool calls (indexes 0, 1, … in argument order), each streamed
	 * as its first delta (id, name, empty arguments) and then its argument fragments;
	 * finishes with "tool_calls".
	 */
	public static Script toolCalls(ToolCall... calls) {
		return reply(List.of(), Arrays.asList(calls));
	}

	/** A function call whose arguments are streamed in fragments of a few characters. */
	public static ToolCall call(String id, String name, String arguments) {
		List<String> fragments = new ArrayList<>();
		for (int i = 0; i < arguments.length(); i += 5) {
			fragments.add(arguments.substring(i, Math.min(arguments.length(), i + 5)));
		}
		return new ToolCall(id, name, fragments);
	}

	/** A function call whose arguments are streamed exactly in the given fragments. */
	public static ToolCall callInFragments(String id, String name, String... fragments) {
		return new ToolCall(id, name, Arrays.asList(fragments));
	}

	/**
	 * An HTTP error with OpenAI's error body
	 * {@code {"error":{"message","type","param","code"}}}.
	 */
	public static Script error(int status, String type, @Nullable String code, String message) {
		String body = "{\"error\":{\"message\":" + FakeModelServer.quote(message) + ",\"type\":"
				+ FakeModelServer.quote(type) + ",\"param\":null,\"code\":"
				+ ((code != null) ? FakeModelServer.quote(code) : "null") + "}}";
		Script script = new Script();
		script.status = status;
		script.errorBody = body;
		return script;
	}

	/** HTTP 500, as an overloaded provider answers. */
	public static Script serverError() {
		return error(500, "server_error", null, "The server had an error while processing your request.");
	}

	/** HTTP 400 {@code context_length_exceeded}, as OpenAI answers a too-long prompt. */
	public static Script contextLengthExceeded() {
		return error(400, "invalid_request_error", "context_length_exceeded",
				"This model's maximum context length is 128000 tokens. However, your messages resulted in 130000 tokens.");
	}

	/** HTTP 401 {@code invalid_api_key}. */
	public static Script unauthorized() {
		return error(401, "invalid_request_error", "invalid_api_key", "Incorrect API key provided.");
	}

	/** HTTP 429 with {@code Retry-After} in whole seconds. */
	public static Script rateLimited(Duration retryAfter) {
		return error(429, "requests", "rate_limit_exceeded", "Rate limit reached for requests.").header("Retry-After",
				Long.toString(retryAfter.toSeconds()));
	}

	/**
	 * Reads the request and never answers, until the client goes away or the server is
	 * reset.
	 */
	public static Script hang() {
		Script script = new Script();
		script.hang = true;
		return script;
	}

	/** The same reply followed by tool calls (text first, as some models do). */
	public Script withToolCalls(ToolCall... calls) {
		Script script = copy();
		script.toolCalls = List.of(calls);
		return script;
	}

	/**
	 * Overrides the finish reason ({@code stop}, {@code tool_calls}, {@code length}, …).
	 */
	public Script finishReason(String reason) {
		Script script = copy();
		script.finishReason = reason;
		return script;
	}

	/**
	 * The usage figures sent when the request asks for them; by default 10 prompt tokens
	 * and one completion token per delta chunk.
	 */
	public Script usage(long promptTokens, long completionTokens) {
		Script script = copy();
		script.usage = new long[] { promptTokens, completionTokens };
		return script;
	}

	/** Waits this long before every chunk after the first: a slow stream. */
	public Script delay(Duration delay) {
		Script script = copy();
		script.delay = delay;
		return script;
	}

	/** Adds a response header (e.g. {@code Retry-After} as an HTTP-date). */
	public Script header(String name, String value) {
		Script script = copy();
		Map<String, String> headers = new LinkedHashMap<>(this.headers);
		headers.put(name, value);
		script.headers = Map.copyOf(headers);
		return script;
	}

	/**
	 * Closes the connection after {@code deltaChunks} delta chunks, without a finish
	 * reason or {@code [DONE]}.
	 */
	public Script cutAfter(int deltaChunks) {
		return fault(Fault.CUT, deltaChunks);
	}

	/**
	 * Ends the response properly after {@code deltaChunks} delta chunks, but without a
	 * finish reason or {@code [DONE]}.
	 */
	public Script endAfter(int deltaChunks) {
		return fault(Fault.END, deltaChunks);
	}

	/**
	 * Sends the whole reply including {@code [DONE]}, then keeps the response open until
	 * the client goes away or the server is reset.
	 */
	public Script holdOpenAfterDone() {
		return fault(Fault.HOLD_OPEN, Integer.MAX_VALUE);
	}

	/**
	 * Sends nothing more after {@code deltaChunks} delta chunks, until the client goes
	 * away or the server is reset.
	 */
	public Script stallAfter(int deltaChunks) {
		return fault(Fault.STALL, deltaChunks);
	}

	/**
	 * Sends a {@code data:} line that is not JSON after {@code deltaChunks} delta chunks,
	 * then goes on with the reply as if nothing happened (a non-streamed request gets a
	 * body that is not JSON).
	 */
	public Script malformedAfter(int deltaChunks) {
		return fault(Fault.MALFORMED, deltaChunks);
	}

	private Script fault(Fault fault, int after) {
		Script script = copy();
		script.fault = fault;
		script.faultAfter = after;
		return script;
	}

	String effectiveFinishReason() {
		if (this.finishReason != null) {
			return this.finishReason;
		}
		return this.toolCalls.isEmpty() ? "stop" : "tool_calls";
	}

	long[] effectiveUsage() {
		if (this.usage != null) {
			return this.usage;
		}
		long deltas = this.text.size();
		for (ToolCall call : this.toolCalls) {
			deltas += 1 + call.fragments().size();
		}
		return new long[] { 10, deltas };
	}

	/** A scripted function call; its arguments are the concatenated fragments. */
	public record ToolCall(String id, String name, List<String> fragments) {

		public ToolCall {
			fragments = List.copyOf(fragments);
		}

		public String arguments() {
			return String.join("", this.fragments);
		}

	}

}
