package com.threadline.chat.tenant.context;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.JpaTransactionManager;

/**
 * Wires the tenant-aware transaction manager in place of Boot's default one.
 */
@Configuration(proxyBeanMethods = false)
class PersistenceConfiguration {

	@Bean
	JpaTransactionManager transactionManager() {
		return new TenantTransactionManager();
	}

}
