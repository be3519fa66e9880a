package com.threadline.chat.limit;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.springframework.stereotype.Component;

import com.threadline.chat.limit.quota.Quota;
import com.threadline.chat.limit.quota.RateLimitExceeded;

/**
 * Model tokens per tenant per UTC day, kept in {@code token_usage_days}: one upsert of a
 * random one of the day's shards when a run ends; read when a run starts
 * ({@link ActiveRuns}). Runs already under way finish even if they take a tenant past its
 * budget; the next one is refused.
 */
@Component
class TokenBudget {

	private static final String ADD = """
			insert into token_usage_days (tenant_id, day, shard, tokens) values (:tenant, :day, :shard, :tokens)
			on conflict (tenant_id, day, shard) do update set tokens = token_usage_days.tokens + excluded.tokens
			""";

	/** Rows per tenant and day (V72): a run's end waits for no other's. */
	private static final int SHARDS = 16;

	private final Clock clock = Clock.systemUTC();

	@PersistenceContext
	private EntityManager entities;

	/** Today in UTC, the day budgets count. */
	LocalDate today() {
		return LocalDate.now(this.clock);
	}

	/**
	 * Refuses a new run when {@code spent} tokens {@code today} use up {@code perDay}.
	 */
	void check(LocalDate today, long spent, long perDay) {
		if (spent >= perDay) {
			Duration untilTomorrow = Duration.between(this.clock.instant(),
					today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
			throw new RateLimitExceeded(Quota.tokens(perDay, perDay - spent, untilTomorrow), "tokens per day");
		}
	}

	void add(String tenantId, long tokens) {
		this.entities.createNativeQuery(ADD)
			.setParameter("tenant", tenantId)
			.setParameter("day", today())
			.setParameter("shard", ThreadLocalRandom.current().nextInt(SHARDS))
			.setParameter("tokens", tokens)
			.executeUpdate();
	}

}
