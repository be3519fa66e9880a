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
 * <p>
 * Admissions never queue behind one another while there is room, yet two cannot take the
 * last place ({@link AdmissionLocks}): each takes a shared lock of its tenant (and of the
 * thread's owner), counts the admissions under way (the locks' holders), then, in a later
 * snapshot, the active runs committed. An admission that ends in between is counted
 * twice, which can only refuse early. When the admissions under way are what leaves no
 * room, the count is made exact: such admissions take their tenant's exclusive lock in
 * turn, and count only those under way that are not waiting for it.
 */
@Component
class ActiveRuns {

	/** A run ends at no predictable time: a client may simply try again shortly. */
	private static final Duration RETRY = Duration.ofSeconds(1);

	private static final String COUNT = """
			with owner as (select user_id from threads where tenant_id = :tenant and id = :thread)
			select (select user_id from owner), count(*), count(*) filter (where t.user_id = (select user_id from owner)),
			       (select sum(tokens) from token_usage_days where tenant_id = :tenant and day = :day)
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
	 * Admits a run on {@code threadId} or throws a 429; the locks it takes hold until the
	 * caller's transaction ends.
	 */
	void admit(String tenantId, String threadId, TenantLimits limits) {
		Object[] underWay = query(AdmissionLocks.UNDER_WAY, tenantId, threadId);
		LocalDate today = this.tokens.today();
		Object[] committed = count(tenantId, threadId, today);
		this.tokens.check(today, (committed[3] != null) ? ((Number) committed[3]).longValue() : 0,
				limits.tokensPerDay());
		Active active = Active.of(committed, underWay);
		if (active.fits(limits)) {
			return;
		}
		if (!Active.of(committed, null).fits(limits)) {
			active.refuse(limits);
		}
		Object[] others = query(AdmissionLocks.EXACT, tenantId, threadId);
		Active.of(count(tenantId, threadId, today), others).refuse(limits);
	}

	private Object[] count(String tenantId, String threadId, LocalDate today) {
		return (Object[]) this.entities.createNativeQuery(COUNT)
			.setParameter("tenant", tenantId)
			.setParameter("thread", threadId)
			.setParameter("day", today)
			.getSingleResult();
	}

	private Object[] query(String sql, String tenantId, String threadId) {
		return (Object[]) this.entities.createNativeQuery(sql)
			.setParameter("tenant", tenantId)
			.setParameter("thread", threadId)
			.getSingleResult();
	}

	/**
	 * The active runs a new one would join: the tenant's and its thread owner's, if the
	 * thread has one ({@code user}), each counting this one.
	 */
	private record Active(boolean user, long tenantRuns, long userRuns) {

		static Active of(Object[] committed, Object[] underWay) {
			long tenant = ((Number) committed[1]).longValue() + 1;
			long user = ((Number) committed[2]).longValue() + 1;
			if (underWay != null) {
				tenant += ((Number) underWay[0]).longValue() - ((Number) underWay[2]).longValue();
				user += ((Number) underWay[1]).longValue() - ((Number) underWay[2]).longValue();
			}
			return new Active(committed[0] != null, tenant, user);
		}

		boolean fits(TenantLimits limits) {
			return this.tenantRuns <= limits.activeRunsPerTenant()
					&& (!this.user || this.userRuns <= limits.activeRunsPerUser());
		}

		/** Throws the 429 of the limit this run would pass, if any. */
		void refuse(TenantLimits limits) {
			if (this.tenantRuns > limits.activeRunsPerTenant()) {
				throw new RateLimitExceeded(Quota.requests(limits.activeRunsPerTenant(), 0, RETRY),
						"active runs per tenant");
			}
			if (this.user && this.userRuns > limits.activeRunsPerUser()) {
				throw new RateLimitExceeded(Quota.requests(limits.activeRunsPerUser(), 0, RETRY),
						"active runs per user");
			}
		}

	}

}
