package com.threadline.chat.stream;

import reactor.core.publisher.Flux;

/**
 * The sequenced event log of every stream (one per run). The producer appends without
 * ever waiting for a reader; live and reconnecting readers follow the same log from a
 * sequence number of their choice, at their own pace. A stream keeps all its events while
 * it is live, bounded in count and bytes (its producer asks {@link #room} and stops when
 * told); completed streams are dropped after a retention period, or earlier, oldest
 * first, when the log needs their room.
 */
public interface EventLog {

	/**
	 * Appends an event to {@code streamId} (creating the stream) and returns its
	 * sequence.
	 * @throws Full when the event would take the stream past three times its byte or
	 * event limit
	 */
	long append(String streamId, String event, String data);

	/**
	 * Ends the stream: followers complete after its last event; it stays readable for the
	 * retention period, or until the log needs its room.
	 */
	void complete(String streamId);

	/**
	 * The events of {@code streamId} after sequence {@code after}, then the live ones
	 * until the stream completes. Following a stream that does not exist yet waits for
	 * it. Fails with {@link Evicted} when events after {@code after} are no longer kept.
	 */
	Flux<LoggedEvent> follow(String streamId, long after);

	/** The sequence of the last event appended to {@code streamId}, 0 when none. */
	long lastSeq(String streamId);

	/** Whether this log holds {@code streamId} (appended to, and not yet dropped). */
	boolean contains(String streamId);

	/**
	 * Whether the producer of {@code streamId} may go on: past a limit it should end the
	 * stream (its closing events are still accepted).
	 */
	Room room(String streamId);

	/** The framed bytes this log holds on this instance, as it accounts them. */
	long bytes();

	/** What {@link #room} answers. */
	enum Room {

		/** Within every limit. */
		AVAILABLE,

		/** The stream itself is past its event or byte limit. */
		STREAM_FULL,

		/** The log is past its byte budget with live streams alone. */
		LOG_FULL

	}

	/** A reader asked for events the log no longer keeps. */
	class Evicted extends RuntimeException {

		public Evicted(String streamId, long after) {
			super("Events of %s after %d are no longer available; read the run for its final state".formatted(streamId,
					after));
		}

	}

	/** An append to a stream far past its limits, refused. */
	class Full extends RuntimeException {

		public Full(String streamId, long events, long bytes) {
			super("Stream %s is full (%d events, %d bytes)".formatted(streamId, events, bytes));
		}

	}

}
