package com.threadline.chat.tool.code;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import com.threadline.chat.tool.code.jail.Interpreter;

/**
 * One thread's interpreter, its variables and its {@code /mnt/data}; one call at a time.
 * Once its interpreter breaks, the session is over and the next call starts afresh.
 */
final class Session {

	private final ReentrantLock lock = new ReentrantLock();

	private final Map<String, String> copied = new HashMap<>();

	private final Interpreter interpreter;

	private volatile long lastUsed = System.nanoTime();

	private volatile boolean broken;

	Session(Interpreter interpreter) {
		this.interpreter = interpreter;
	}

	Interpreter interpreter() {
		return this.interpreter;
	}

	/**
	 * The files already copied in, by File id, with the name each got in
	 * {@code /mnt/data}.
	 */
	Map<String, String> copied() {
		return this.copied;
	}

	boolean tryLock(Duration wait) {
		try {
			return this.lock.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	void unlock() {
		this.lastUsed = System.nanoTime();
		this.lock.unlock();
	}

	boolean busy() {
		return this.lock.isLocked();
	}

	boolean idleLongerThan(Duration idle) {
		return !busy() && System.nanoTime() - this.lastUsed > idle.toNanos();
	}

	void markBroken() {
		this.broken = true;
	}

	boolean usable() {
		return !this.broken && this.interpreter.alive();
	}

}
