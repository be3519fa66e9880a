package com.threadline.chat.limit;

import java.time.Duration;
import java.time.LocalDate;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.springframework.stereotype.Component;

import com.threadline.chat.limit.quota.Quota;
import com.threadline.chat.limit.quota.RateLimitExceeded;

/**
 * Whether a run may start: active runs (queued, in progress, requires action, cancelling)
 * per tenant and per thread owner, counted in the database so that every instance sees
 * every run, and the tenant's tokens today, read in the same statement.
 */
@Component
class ActiveRuns {

	/** A run ends at no predictable time: a client may simply try again shortly. */
	private static final Duration RETRY = Duration.ofSeconds(1);

	// Per-tenant advisory lock: admissions of one tenant queue, other tenants' never
	// wait.
	private static final String LOCK = """
			select 1 from (select pg_advisory_xact_lock(hashtextextended('threadline.run_admission:' || :tenant, 0))) admission
			""";

	private static final String COUNT = """
			with owner as (select user_id from threads where tenant_id = :tenant and id = :thread)
			select (select user_id from owner), count(*), count(*) filter (where t.user_id = (select user_id from owner)),
			       (select tokens from token_usage_days where tenant_id = :tenant and day = :day)
			from runs r join threads t on t.tenant_id = r.tenant_id and t.id = r.thread_id
			where r.tenant_id = :tenant and r.status in ('queued', 'in_progress', 'requires_action', 'cancelling')
			""";

	private final TokenBudget tokens;

	@PersistenceContext
	private EntityManager entities;

	ActiveRuns(TokenBudget tokens) {
		this.tokens = tokens;
	}

	/**
	 * Admits a run on {@code threadId} or throws a 429; the lock it takes holds until the
	 * caller's transaction ends.
	 */
	void admit(String tenantId, String threadId, TenantLimits limits) {
		this.entities.createNativeQuery(LOCK).setParameter("tenant", tenantId).getSingleResult();
		LocalDate today = this.tokens.today();
		Object[] row = (Object[]) this.entities.createNativeQuery(COUNT)
			.setParameter("tenant", tenantId)
			.setParameter("thread", threadId)
			.setParameter("day", today)
			.getSingleResult();
		this.tokens.check(today, (row[3] != null) ? ((Number) row[3]).longValue() : 0, limits.tokensPerDay());
		long tenantActive = ((Number) row[1]).longValue();
		if (tenantActive >= limits.activeRunsPerTenant()) {
			throw new RateLimitExceeded(Quota.requests(limits.activeRunsPerTenant(), 0, RETRY),
					"active runs per tenant");
		}
		long userActive = ((Number) row[2]).longValue();
		if (row[0] != null && userActive >= limits.activeRunsPerUser()) {
			throw new RateLimitExceeded(Quota.requests(limits.activeRunsPerUser(), 0, RETRY), "active runs per user");
		}
	}

}
