package com.threadline.chat.system;

import java.sql.PreparedStatement;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A JPA transaction manager that, when the work acts for a tenant ({@link TenantScope}),
 * sets {@code app.tenant_id} transaction-locally at the start of every transaction, so
 * PostgreSQL's row-level security policies see only that tenant's rows: the second wall
 * behind the application's own tenant filters.
 */
class TenantTransactionManager extends JpaTransactionManager {

	@Override
	protected void doBegin(Object transaction, TransactionDefinition definition) {
		super.doBegin(transaction, definition);
		TenantScope.current().ifPresent(this::bindTenant);
	}

	private void bindTenant(String tenantId) {
		EntityManagerHolder holder = (EntityManagerHolder) TransactionSynchronizationManager
			.getResource(obtainEntityManagerFactory());
		if (holder == null) {
			throw new IllegalStateException("No entity manager bound to the transaction");
		}
		EntityManager em = holder.getEntityManager();
		em.unwrap(Session.class).doWork(connection -> {
			try (PreparedStatement statement = connection
				.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
				statement.setString(1, tenantId);
				statement.execute();
			}
		});
	}

}
