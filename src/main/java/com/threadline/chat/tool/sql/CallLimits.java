package com.threadline.chat.tool.sql;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import com.threadline.chat.tool.ToolContext;

/**
 * How much of {@code ask_database} one tenant and one model turn may take: at most
 * {@code perTenant} queries of a tenant at once (so one tenant cannot hold the whole
 * pool), at most {@code perTurn} calls in one model turn. A call over the turn's cap is
 * refused at once; one that finds its tenant's queries all running waits at most
 * {@code wait} for one to end, then is refused: never queued for long.
 */
final class CallLimits {

	/** Longer than any turn lasts; a turn's count is forgotten after it. */
	private static final Duration TURN_MEMORY = Duration.ofMinutes(30);

	private final int perTenant;

	private final int perTurn;

	private final Duration wait;

	private final Map<String, Semaphore> running = new ConcurrentHashMap<>();

	private final Cache<String, AtomicInteger> turns = Caffeine.newBuilder()
		.expireAfterAccess(TURN_MEMORY)
		.maximumSize(100_000)
		.build();

	CallLimits(int perTenant, int perTurn, Duration wait) {
		this.perTenant = perTenant;
		this.perTurn = perTurn;
		this.wait = wait;
	}

	/**
	 * Admits one call; close the permit when it is done.
	 * @throws Refused when the turn has made all its calls or the tenant's queries are
	 * all running
	 */
	Permit admit(ToolContext context) {
		AtomicInteger calls = this.turns.get(context.runId() + "/" + context.turnId(), key -> new AtomicInteger());
		if (calls.incrementAndGet() > this.perTurn) {
			throw new Refused(("ask_database may be called at most %d times in one turn; answer from the results "
					+ "you have, or combine the questions into fewer queries")
				.formatted(this.perTurn));
		}
		Semaphore tenant = this.running.computeIfAbsent(context.tenantId(), id -> new Semaphore(this.perTenant));
		if (!acquired(tenant)) {
			throw new Refused(("ask_database is busy: %d queries of this organisation are already running; "
					+ "try again in a moment")
				.formatted(this.perTenant));
		}
		return tenant::release;
	}

	private boolean acquired(Semaphore tenant) {
		try {
			return tenant.tryAcquire(this.wait.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** Held while a call runs. */
	@FunctionalInterface
	interface Permit extends AutoCloseable {

		@Override
		void close();

	}

	/** A call over a limit; its message is for the model. */
	static final class Refused extends RuntimeException {

		Refused(String message) {
			super(message);
		}

	}

}
