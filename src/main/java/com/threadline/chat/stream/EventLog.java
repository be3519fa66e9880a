package com.threadline.chat.stream;

import reactor.core.publisher.Flux;

/**
 * The sequenced event log of every stream (one per run). The producer appends without
 * ever waiting for a reader; live and reconnecting readers follow the same log from a
 * sequence number of their choice, at their own pace. A stream keeps a bounded number of
 * recent events and is dropped some time after it completes.
 */
public interface EventLog {

	/**
	 * Appends an event to {@code streamId} (creating the stream) and returns its
	 * sequence.
	 */
	long append(String streamId, String event, String data);

	/**
	 * Ends the stream: followers complete after its last event; it stays readable for the
	 * retention period.
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

	/** A reader asked for events the log no longer keeps. */
	class Evicted extends RuntimeException {

		public Evicted(String streamId, long after, long first) {
			super("Events of %s after %d are no longer available (the oldest kept is %d)".formatted(streamId, after,
					first));
		}

	}

}
