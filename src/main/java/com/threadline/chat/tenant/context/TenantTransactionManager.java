package com.threadline.chat.tenant.context;

import java.sql.Statement;
import java.util.regex.Pattern;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.interceptor.TransactionAttribute;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A JPA transaction manager that, when the work acts for a tenant ({@link TenantScope}),
 * sets {@code app.tenant_id} transaction-locally at the start of every transaction, so
 * PostgreSQL's row-level security policies see only that tenant's rows: the second wall
 * behind the application's own tenant filters.
 * <p>
 * It uses {@code SET LOCAL}, not {@code set_config()}: EXECUTE on {@code set_config} is
 * revoked from PUBLIC so that {@code ask_database}'s role cannot switch tenants in the
 * middle of a query (docs/ask-database.md), and {@code SET} needs no privilege.
 * {@code SET} takes no bind parameter, so the id is checked to be a plain token before it
 * is quoted.
 */
class TenantTransactionManager extends JpaTransactionManager {

	private static final Pattern TENANT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	@Override
	protected void doBegin(Object transaction, TransactionDefinition definition) {
		super.doBegin(transaction, definition);
		boolean asyncCommit = definition instanceof TransactionAttribute attribute
				&& attribute.getLabels().contains(Durability.ASYNC_COMMIT);
		TenantScope.current().ifPresent(tenantId -> bindTenant(tenantId, asyncCommit));
	}

	/**
	 * Binds the tenant and, for a transaction labelled {@link Durability#ASYNC_COMMIT},
	 * turns off the synchronous commit, both in one round trip.
	 */
	private void bindTenant(String tenantId, boolean asyncCommit) {
		EntityManagerHolder holder = (EntityManagerHolder) TransactionSynchronizationManager
			.getResource(obtainEntityManagerFactory());
		if (holder == null) {
			throw new IllegalStateException("No entity manager bound to the transaction");
		}
		EntityManager em = holder.getEntityManager();
		if (!TENANT_ID.matcher(tenantId).matches()) {
			throw new IllegalStateException("Refusing to bind a malformed tenant id");
		}
		em.unwrap(Session.class).doWork(connection -> {
			try (Statement statement = connection.createStatement()) {
				statement.execute("set local app.tenant_id = '" + tenantId + "'"
						+ (asyncCommit ? "; set local synchronous_commit = off" : ""));
			}
		});
	}

}
