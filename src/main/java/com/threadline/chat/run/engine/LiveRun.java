package com.threadline.chat.run.engine;

import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import com.threadline.chat.run.Ending;

/**
 * A run executing on this instance. Its lock orders everything that changes the run or
 * emits its events here (the loop, a cancel request), so that nothing of the run is
 * emitted after it was told to stop, except how it ended.
 */
public final class LiveRun {

	/** Why a run was told to stop before it ended by itself. */
	public enum Stop {

		CANCEL, EXPIRE, SHUTDOWN,

		/** The run's own event stream outgrew its limit. */
		STREAM_FULL,

		/** The instance's event log is full of live runs. */
		LOG_FULL;

		/** The ending this stop request calls for. */
		Ending ending() {
			return switch (this) {
				case CANCEL -> Ending.cancelled();
				case EXPIRE -> Ending.expired();
				case SHUTDOWN -> Ending.failed("server_error", "The run was interrupted: the server shut down.");
				case STREAM_FULL -> Ending.failed("server_error",
						"The run was stopped: its event stream outgrew the limit this server keeps per run.");
				case LOG_FULL -> Ending.failed("server_error",
						"The run was stopped: this server's event log is full of active runs; try again later.");
			};
		}

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

	/** Whether this registration replaced one that may still be needed back. */
	public boolean replacesAnother() {
		return this.replaced != null;
	}

	Key key() {
		return new Key(this.tenantId, this.runId);
	}

	/**
	 * Tells the run to stop; the first reason wins. Interrupts a model call in flight.
	 */
	public void stop(Stop reason) {
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

	/** Does {@code action} holding the run's lock, and returns what it returned. */
	public <T> T locked(Supplier<T> action) {
		this.lock.lock();
		try {
			return action.get();
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Does {@code action} holding the run's lock. */
	public void locked(Runnable action) {
		locked(() -> {
			action.run();
			return true;
		});
	}

	/**
	 * Does {@code action} holding the run's lock unless the run was told to stop; returns
	 * what it returned, or empty when it did not run.
	 */
	<T> Optional<T> whileRunning(Supplier<T> action) {
		this.lock.lock();
		try {
			return (this.stop != null) ? Optional.empty() : Optional.of(action.get());
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Does {@code action} holding the run's lock unless the run was told to stop; returns
	 * whether it ran.
	 */
	boolean whileRunning(Runnable action) {
		return whileRunning(() -> {
			action.run();
			return true;
		}).isPresent();
	}

	/** Makes {@code call} the one {@link #stop} interrupts. */
	void attach(@Nullable ModelCall call) {
		this.call = call;
		if (call != null && this.stop != null) {
			call.interrupt();
		}
	}

}
