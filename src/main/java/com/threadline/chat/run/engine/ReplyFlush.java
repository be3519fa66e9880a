package com.threadline.chat.run.engine;

import java.time.Duration;

/**
 * When the text of a reply that is still streaming is written down: once {@code chars}
 * new characters have come, or {@code interval} after the oldest text not yet written,
 * whichever is first, so that a crash loses at most that much of it. Timed on the run's
 * own thread: {@link #wait(int)} says how long it may wait for the model's next event.
 */
final class ReplyFlush {

	private final long intervalNanos;

	private final int chars;

	private int written;

	private boolean pending;

	private long pendingSince;

	ReplyFlush(Duration interval, int chars) {
		this.intervalNanos = interval.toNanos();
		this.chars = chars;
	}

	/** How long to wait for the next event, with {@code length} characters received. */
	long wait(int length) {
		if (!this.pending) {
			return this.intervalNanos;
		}
		return Math.max(0, this.pendingSince + this.intervalNanos - System.nanoTime());
	}

	/** Whether the text, {@code length} characters now, is to be written. */
	boolean due(int length) {
		if (length <= this.written) {
			return false;
		}
		long now = System.nanoTime();
		if (!this.pending) {
			this.pending = true;
			this.pendingSince = now;
		}
		return length - this.written >= this.chars || now - this.pendingSince >= this.intervalNanos;
	}

	/** The text was written up to {@code length} characters. */
	void written(int length) {
		this.written = length;
		this.pending = false;
	}

}
