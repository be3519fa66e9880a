package com.threadline.chat.tenant.context;

import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Work on a tenant's row-level-secured credential tables (signing keys, revocations) from
 * places that act for no tenant yet: verifying a token, the operator API. Each call is a
 * transaction of its own, begun with the tenant bound, so {@code app.tenant_id} is set
 * even when an outer transaction (acting for no tenant) is open.
 */
@Component
public class TenantTransactions {

	private final TransactionTemplate template;

	TenantTransactions(PlatformTransactionManager transactions) {
		this.template = new TransactionTemplate(transactions);
		this.template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	public <T> T inTenant(String tenantId, Supplier<T> work) {
		return TenantScope.callUnchecked(tenantId, () -> this.template.execute(status -> work.get()));
	}

}
