package com.threadline.chat.tool.sql;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.threadline.chat.system.EmbeddedDatabase;

/**
 * Wires {@code ask_database} when {@code chat.tool.sql.enabled} (the default). Its pool
 * is a private part of the tool, never a {@link DataSource} bean.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "chat.tool.sql.enabled", matchIfMissing = true)
class AskDatabaseConfiguration {

	@Bean(destroyMethod = "close")
	QueryGate askDatabaseGate() {
		return new QueryGate();
	}

	@Bean(destroyMethod = "close")
	AskDatabasePool askDatabasePool(AskDatabaseProperties properties, DataSource dataSource,
			ObjectProvider<EmbeddedDatabase> embedded) {
		return new AskDatabasePool(properties, dataSource, embedded.getIfAvailable());
	}

	@Bean
	QueryRunner askDatabaseRunner(AskDatabasePool pool, AskDatabaseProperties properties, DataSource dataSource) {
		return new QueryRunner(pool, new TenantSeal(dataSource), new RoleAudit(properties.username()), properties);
	}

	@Bean
	AskDatabaseTool askDatabaseTool(AskDatabaseProperties properties, QueryGate gate, QueryRunner runner) {
		return new AskDatabaseTool(properties, gate, runner);
	}

}
