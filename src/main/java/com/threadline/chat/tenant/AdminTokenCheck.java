package com.threadline.chat.tenant;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Checks {@code ADMIN_TOKEN} (see {@link AdminProperties}) before any bean exists, so a
 * refused token stops the start before the database is touched.
 */
@Configuration(proxyBeanMethods = false)
class AdminTokenCheck {

	@Bean
	static BeanFactoryPostProcessor adminTokenLengthCheck(Environment environment) {
		return beanFactory -> Binder.get(environment).bind("admin", AdminProperties.class);
	}

}
