package com.threadline.chat.limit;

import org.springframework.stereotype.Component;

/**
 * The run engine's quotas, for the {@code run} package to call inside its own
 * transactions (with the tenant bound): whether a new run may start, and what a run that
 * ended used. Blocking.
 */
@Component
public class RunQuota {

	private final LimitSettings settings;

	private final ActiveRuns activeRuns;

	private final TokenBudget tokens;

	RunQuota(LimitSettings settings, ActiveRuns activeRuns, TokenBudget tokens) {
		this.settings = settings;
		this.activeRuns = activeRuns;
		this.tokens = tokens;
	}

	/**
	 * Admits a new run on {@code threadId}, or throws a 429 when the tenant has spent its
	 * tokens for the day or has as many active runs as it (or the thread's user) may.
	 * Call it in the transaction that inserts the run: it holds the tenant's admission
	 * lock until that commits, so racing starts cannot both take the last place.
	 */
	public void admit(String tenantId, String threadId) {
		this.activeRuns.admit(tenantId, threadId, this.settings.of(tenantId));
	}

	/** Counts a finished run's prompt and completion tokens against today's budget. */
	public void used(String tenantId, long tokens) {
		if (tokens > 0) {
			this.tokens.add(tenantId, tokens);
		}
	}

}
