package com.threadline.chat.tool.code;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.threadline.chat.tool.code.jail.InterpreterBroken;
import com.threadline.chat.tool.code.jail.InterpreterPool;

/**
 * The live sessions, one per (tenant, thread): kept warm while used, closed after
 * {@code idle-timeout}, the least recently used idle one closed when {@code max-sessions}
 * are open, and at most {@code max-concurrent} calls executing at once.
 */
final class Sessions implements AutoCloseable {

	private final InterpreterPool pool;

	private final CodeInterpreterProperties properties;

	private final Semaphore executions;

	private final Map<Key, Session> open = new LinkedHashMap<>(16, 0.75f, true);

	private final ScheduledExecutorService sweeper = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("code-interpreter-sweeper").factory());

	Sessions(InterpreterPool pool, CodeInterpreterProperties properties) {
		this.pool = pool;
		this.properties = properties;
		this.executions = new Semaphore(properties.maxConcurrent(), true);
		long every = Math.max(1, Math.min(30_000, properties.idleTimeout().toMillis() / 2));
		this.sweeper.scheduleWithFixedDelay(this::closeIdle, every, every, TimeUnit.MILLISECONDS);
	}

	/**
	 * Runs work on the thread's session, creating it (from the pool) if there is none.
	 * @throws Refused when no session or execution slot is free, or the thread's session
	 * is busy with another call
	 * @throws InterpreterBroken when the interpreter died or hung: the session is gone
	 */
	<T> T call(Key key, Function<Session, T> work) {
		if (!acquire(this.executions, Duration.ofSeconds(1))) {
			throw new Refused("too many code_interpreter calls are running on this server; try again shortly");
		}
		try {
			Session session = sessionOf(key);
			if (!session.tryLock(this.properties.callTimeout())) {
				throw new Refused("another code_interpreter call on this thread is still running");
			}
			try {
				return work.apply(session);
			}
			catch (InterpreterBroken ex) {
				session.markBroken();
				remove(key, session);
				throw ex;
			}
			finally {
				session.unlock();
			}
		}
		finally {
			this.executions.release();
		}
	}

	synchronized int size() {
		return this.open.size();
	}

	@Override
	public void close() {
		this.sweeper.shutdownNow();
		List<Session> all;
		synchronized (this) {
			all = new ArrayList<>(this.open.values());
			this.open.clear();
		}
		all.forEach(session -> this.pool.retire(session.interpreter()));
		this.pool.close();
	}

	private Session sessionOf(Key key) {
		synchronized (this) {
			Session session = this.open.get(key);
			if (session != null && session.usable()) {
				return session;
			}
			if (session != null) {
				this.open.remove(key);
				this.pool.retire(session.interpreter());
			}
			makeRoom();
		}
		Session fresh = new Session(this.pool.take());
		synchronized (this) {
			Session raced = this.open.putIfAbsent(key, fresh);
			if (raced == null) {
				return fresh;
			}
			this.pool.retire(fresh.interpreter());
			return raced;
		}
	}

	private void makeRoom() {
		Iterator<Session> sessions = this.open.values().iterator();
		while (this.open.size() >= this.properties.maxSessions() && sessions.hasNext()) {
			Session eldest = sessions.next();
			if (!eldest.busy()) {
				sessions.remove();
				this.pool.retire(eldest.interpreter());
			}
		}
		if (this.open.size() >= this.properties.maxSessions()) {
			throw new Refused("all %d code_interpreter sessions of this server are busy; try again shortly"
				.formatted(this.properties.maxSessions()));
		}
	}

	private synchronized void remove(Key key, Session session) {
		this.open.remove(key, session);
		this.pool.retire(session.interpreter());
	}

	private void closeIdle() {
		List<Session> idle = new ArrayList<>();
		synchronized (this) {
			this.open.values().removeIf(session -> {
				boolean expired = !session.busy()
						&& (session.idleLongerThan(this.properties.idleTimeout()) || !session.usable());
				if (expired) {
					idle.add(session);
				}
				return expired;
			});
		}
		idle.forEach(session -> this.pool.retire(session.interpreter()));
	}

	private static boolean acquire(Semaphore semaphore, Duration wait) {
		try {
			return semaphore.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** Whose session: a thread's, within its tenant. */
	record Key(String tenantId, String threadId) {
	}

	/** No session or execution slot is free; a tool error the model can wait out. */
	static final class Refused extends RuntimeException {

		Refused(String message) {
			super(message);
		}

	}

}
