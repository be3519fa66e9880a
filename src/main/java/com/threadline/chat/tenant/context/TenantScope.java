package com.threadline.chat.tenant.context;

import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The tenant a unit of blocking work acts for. The web edge puts the tenant id into the
 * Reactor context under {@link #CONTEXT_KEY}; {@link Blocking} binds it here for the
 * blocking call; {@link TenantTransactionManager} sets it as the transaction-local
 * {@code app.tenant_id} that PostgreSQL's row-level security policies read.
 */
public final class TenantScope {

	/** Reactor context key under which the web edge stores the caller's tenant id. */
	public static final String CONTEXT_KEY = "threadline.tenant";

	private static final ScopedValue<String> TENANT = ScopedValue.newInstance();

	private TenantScope() {
	}

	public static Optional<String> current() {
		return TENANT.isBound() ? Optional.of(TENANT.get()) : Optional.empty();
	}

	/** Runs {@code work} on this thread acting for {@code tenantId}. */
	public static <T> T call(String tenantId, Callable<T> work) throws Exception {
		return ScopedValue.where(TENANT, tenantId).call(work::call);
	}

	/** Like {@link #call}, for work that throws no checked exception. */
	public static <T> T callUnchecked(String tenantId, java.util.function.Supplier<T> work) {
		return ScopedValue.where(TENANT, tenantId).call(work::get);
	}

	/** Runs {@code work} on this thread acting for {@code tenantId}. */
	public static void run(String tenantId, Runnable work) {
		ScopedValue.where(TENANT, tenantId).run(work);
	}

}
