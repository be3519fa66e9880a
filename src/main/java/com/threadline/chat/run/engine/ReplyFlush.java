package com.threadline.chat.run.engine;

import java.time.Duration;

/**
 * When the text of a reply that is still streaming is written down: once {@code chars}
 * new characters have come, or {@code interval} after the oldest text not yet written,
 * whichever is first, so that a crash loses at most that much of it. When text starts to
 * wait, {@link #startedWaiting()} says so once, for the reader to be woken up when the
 * interval has passed (a model may go silent).
 */
final class ReplyFlush {

	private final long intervalNanos;

	private final int chars;

	private int written;

	private boolean pending;

	private long pendingSince;

	private boolean started;

	ReplyFlush(Duration interval, int chars) {
		this.intervalNanos = interval.toNanos();
		this.chars = chars;
	}

	Duration interval() {
		return Duration.ofNanos(this.intervalNanos);
	}

	/**
	 * Whether text started to wait since the last call: then the reader is to be woken up
	 * after {@link #interval()}.
	 */
	boolean startedWaiting() {
		boolean result = this.started;
		this.started = false;
		return result;
	}

	/** Whether the text, {@code length} characters now, is to be written. */
	boolean due(int length) {
		if (length <= this.written) {
			return false;
		}
		long now = System.nanoTime();
		if (!this.pending) {
			this.pending = true;
			this.started = true;
			this.pendingSince = now;
		}
		return length - this.written >= this.chars || now - this.pendingSince >= this.intervalNanos;
	}

	/** The text was written up to {@code length} characters. */
	void written(int length) {
		this.written = length;
		this.pending = false;
		this.started = false;
	}

}
