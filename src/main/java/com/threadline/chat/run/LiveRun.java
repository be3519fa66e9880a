package com.threadline.chat.run;

import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;

/**
 * A run executing on this instance. Its lock orders everything that changes the run or
 * emits its events here (the loop, a cancel request), so that nothing of the run is
 * emitted after it was told to stop, except how it ended.
 */
final class LiveRun {

	/** Why a run was told to stop before it ended by itself. */
	enum Stop {

		CANCEL, EXPIRE, SHUTDOWN,

		/** The run's own event stream outgrew its limit. */
		STREAM_FULL,

		/** The instance's event log is full of live runs. */
		LOG_FULL

	}

	/**
	 * Where a live run is registered: by tenant and run, so that nothing one tenant does
	 * can find, replace or drop another tenant's registration.
	 */
	record Key(String tenantId, String runId) {
	}

	final String tenantId;

	final String runId;

	private final ReentrantLock lock = new ReentrantLock();

	private volatile @Nullable Stop stop;

	private volatile @Nullable ModelCall call;

	/** The registration this one replaced, while it may still be needed back. */
	volatile @Nullable LiveRun replaced;

	/** Whether a thread executes the run under this registration. */
	volatile boolean executing;

	LiveRun(String tenantId, String runId, @Nullable LiveRun replaced) {
		this.tenantId = tenantId;
		this.runId = runId;
		this.replaced = replaced;
	}

	Key key() {
		return new Key(this.tenantId, this.runId);
	}

	/**
	 * Tells the run to stop; the first reason wins. Interrupts a model call in flight.
	 */
	void stop(Stop reason) {
		synchronized (this) {
			if (this.stop == null) {
				this.stop = reason;
			}
		}
		ModelCall current = this.call;
		if (current != null) {
			current.interrupt();
		}
	}

	@Nullable Stop stopped() {
		return this.stop;
	}

	/** Runs {@code action} holding the run's lock. */
	void locked(Runnable action) {
		this.lock.lock();
		try {
			action.run();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Runs {@code action} holding the run's lock unless the run was told to stop; returns
	 * whether it ran.
	 */
	boolean whileRunning(Runnable action) {
		this.lock.lock();
		try {
			if (this.stop != null) {
				return false;
			}
			action.run();
			return true;
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Makes {@code call} the one {@link #stop} interrupts. */
	void attach(@Nullable ModelCall call) {
		this.call = call;
		if (call != null && this.stop != null) {
			call.interrupt();
		}
	}

}
