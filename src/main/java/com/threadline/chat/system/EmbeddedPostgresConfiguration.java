package com.threadline.chat.system;

import java.io.IOException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Zero-setup default: with no {@code spring.datasource.url}, start a real PostgreSQL
 * whose data survives restarts, with a password of its own ({@link EmbeddedStart}). With
 * a configured database none of this happens.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedDatabase embeddedDatabase(EmbeddedPostgresProperties properties) throws IOException {
		log.info("No spring.datasource.url configured: starting embedded PostgreSQL with data in {} on port {}",
				properties.dataDir().toAbsolutePath(), properties.port());
		return EmbeddedStart.start(properties.dataDir(), properties.port());
	}

	@Bean
	DataSource dataSource(EmbeddedDatabase database) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(database.jdbcUrl());
		dataSource.setUsername(EmbeddedDatabase.SUPERUSER);
		dataSource.setPassword(database.password());
		dataSource.setPoolName("embedded");
		return dataSource;
	}

}
