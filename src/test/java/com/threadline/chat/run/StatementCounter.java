package com.threadline.chat.run;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

import com.threadline.chat.tenant.context.TenantScope;

/**
 * Test-only: wraps the application's data source to record every SQL statement executed
 * for one tenant (whatever thread runs it: a request's, a run's), except the scheduled
 * maintenance, whose statements depend on time, not on a run.
 */
@Component
class StatementCounter implements BeanPostProcessor {

	/** A statement executed while counting. */
	record Statement(String thread, String sql) {
	}

	private final List<Statement> statements = new CopyOnWriteArrayList<>();

	private volatile @Nullable String tenant;

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && beanName.equals("dataSource")) {
			return ProxyDataSourceBuilder.create(dataSource)
				.name("counted")
				.afterQuery((execution, queries) -> record(queries))
				.build();
		}
		return bean;
	}

	private void record(List<QueryInfo> queries) {
		String counted = this.tenant;
		String thread = Thread.currentThread().getName();
		if (counted != null && counted.equals(TenantScope.current().orElse(null)) && !thread.startsWith("scheduling")) {
			queries.forEach(query -> this.statements.add(new Statement(thread, query.getQuery())));
		}
	}

	void start(String tenantId) {
		this.statements.clear();
		this.tenant = tenantId;
	}

	List<Statement> stop() {
		this.tenant = null;
		return List.copyOf(this.statements);
	}

}
