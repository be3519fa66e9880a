package com.threadline.chat.stream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The one place that turns logged events into Server-Sent Events bytes, in two framings:
 * OpenAI's ({@code event:} and one-line {@code data:}, no {@code id:} lines, no comments,
 * {@code done} / {@code [DONE]} last) and the resumable one ({@code id: <seq>} on every
 * logged event, comment keep-alives). A failure after the stream has started becomes an
 * {@code error} event followed by {@code done}.
 */
@Component
public class SseFraming {

	/** The event that ends a stream, with data {@code [DONE]}. */
	public static final String DONE = "done";

	private static final Logger log = LoggerFactory.getLogger(SseFraming.class);

	private static final MediaType EVENT_STREAM = new MediaType("text", "event-stream", StandardCharsets.UTF_8);

	private static final String DONE_FRAME = frame(null, DONE, "[DONE]");

	private static final String KEEP_ALIVE = ": keep-alive\n\n";

	/** The heap an event costs besides its text: the record and two string headers. */
	private static final long EVENT_OVERHEAD = 64;

	private final Duration keepAlive;

	SseFraming(StreamProperties properties) {
		this.keepAlive = properties.keepAlive();
	}

	/**
	 * An HTTP response streaming {@code events} in OpenAI's framing, ending after
	 * {@code done} or after any event named in {@code endAfter} (then with a {@code done}
	 * of its own).
	 */
	public ResponseEntity<Flux<DataBuffer>> openAi(Flux<LoggedEvent> events, Set<String> endAfter) {
		return response(openAiFrames(events, endAfter));
	}

	/**
	 * An HTTP response streaming {@code events} with their sequence as {@code id:} and
	 * comment keep-alives, until {@code done}.
	 */
	public ResponseEntity<Flux<DataBuffer>> resumable(Flux<LoggedEvent> events) {
		return response(resumableFrames(events));
	}

	static Flux<String> openAiFrames(Flux<LoggedEvent> events, Set<String> endAfter) {
		return frames(events, endAfter, false);
	}

	Flux<String> resumableFrames(Flux<LoggedEvent> events) {
		Flux<String> frames = frames(events, Set.of(), true);
		return frames.publish(shared -> Flux.merge(shared,
				Flux.interval(this.keepAlive, this.keepAlive)
					.onBackpressureDrop()
					.map(tick -> KEEP_ALIVE)
					.takeUntilOther(shared.then())));
	}

	/**
	 * Frames events up to {@code done} or a pause, always ending with {@code done}, a
	 * failure with {@code error} first.
	 */
	private static Flux<String> frames(Flux<LoggedEvent> events, Set<String> endAfter, boolean withIds) {
		return Flux.defer(() -> {
			AtomicBoolean done = new AtomicBoolean();
			return events.takeUntil(e -> e.event().equals(DONE) || endAfter.contains(e.event()))
				.doOnNext(e -> done.set(e.event().equals(DONE)))
				.map(e -> frame(withIds ? Long.toString(e.seq()) : null, e.event(), e.data()))
				.concatWith(Flux.defer(() -> done.get() ? Flux.empty() : Flux.just(DONE_FRAME)))
				.onErrorResume(SseFraming::failure);
		});
	}

	private static Flux<String> failure(Throwable ex) {
		log.warn("Event stream failed after it started: {}", ex.toString());
		ObjectNode error = JsonNodeFactory.instance.objectNode()
			.put("code", "server_error")
			.put("message", (ex instanceof EventLog.Evicted) ? ex.getMessage() : "The event stream failed.")
			.putNull("param")
			.put("type", "server_error");
		return Flux.just(frame(null, "error", JsonMapper.shared().writeValueAsString(error)), DONE_FRAME);
	}

	/**
	 * What a logged event costs the log: the bytes of its resumable frame (as
	 * {@link #frame} writes it with its {@code id:}, in UTF-8, which is never less than
	 * the strings take on the heap), plus the bookkeeping of one event.
	 */
	static long accountedSize(long seq, String event, String data) {
		long size = EVENT_OVERHEAD + "id: \nevent: \n\n".length() + Long.toString(seq).length() + event.length();
		long lines = 1;
		for (int i = 0; i < data.length(); i++) {
			char c = data.charAt(i);
			if (c == '\n') {
				lines++;
				continue;
			}
			size += (c < 0x80) ? 1 : (c < 0x800 || Character.isSurrogate(c)) ? 2 : 3;
		}
		return size + lines * "data: \n".length();
	}

	static String frame(@Nullable String id, String event, String data) {
		StringBuilder frame = new StringBuilder(data.length() + event.length() + 32);
		if (id != null) {
			frame.append("id: ").append(id).append('\n');
		}
		frame.append("event: ").append(event).append('\n');
		for (String line : data.split("\n", -1)) {
			frame.append("data: ").append(line).append('\n');
		}
		return frame.append('\n').toString();
	}

	private static ResponseEntity<Flux<DataBuffer>> response(Flux<String> frames) {
		return ResponseEntity.ok()
			.contentType(EVENT_STREAM)
			.cacheControl(CacheControl.noCache())
			.header("X-Accel-Buffering", "no")
			.body(frames
				.map(frame -> DefaultDataBufferFactory.sharedInstance.wrap(frame.getBytes(StandardCharsets.UTF_8))));
	}

}
