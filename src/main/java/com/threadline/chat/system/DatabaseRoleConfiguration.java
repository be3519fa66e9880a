package com.threadline.chat.system;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes the configured {@code dataSource} check its login role on first use (see
 * {@link DatabaseRoleCheck}). Not active on the embedded database, which has no
 * {@code spring.datasource.url}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${spring.datasource.url:}'.isEmpty()")
class DatabaseRoleConfiguration {

	@Bean
	static BeanPostProcessor databaseRoleCheck(ObjectProvider<DatabaseProperties> properties) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof DataSource dataSource && beanName.equals("dataSource")) {
					return new RoleCheckedDataSource(dataSource, properties.getObject());
				}
				return bean;
			}
		};
	}

}
