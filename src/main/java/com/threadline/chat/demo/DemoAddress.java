package com.threadline.chat.demo;

import java.net.InetAddress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * On a zero-setup start (no {@code spring.datasource.url}) and whenever the demo is on,
 * the server listens on the loopback interface only, unless {@code server.address}
 * ({@code SERVER_ADDRESS}) says otherwise: the demo hands anyone who reaches it a user
 * token, and a zero-setup start is a developer's machine, not a deployment.
 */
@Component
class DemoAddress implements WebServerFactoryCustomizer<ConfigurableWebServerFactory> {

	private static final Logger log = LoggerFactory.getLogger(DemoAddress.class);

	private final DemoProperties properties;

	private final Environment environment;

	DemoAddress(DemoProperties properties, Environment environment) {
		this.properties = properties;
		this.environment = environment;
	}

	@Override
	public void customize(ConfigurableWebServerFactory factory) {
		String address = this.environment.getProperty("server.address", "");
		String datasourceUrl = this.environment.getProperty("spring.datasource.url", "");
		if (address.isBlank() && (datasourceUrl.isBlank() || this.properties.enabledFor(datasourceUrl))) {
			factory.setAddress(InetAddress.getLoopbackAddress());
			log.info("Zero-setup start or demo: listening on {} only (set SERVER_ADDRESS, e.g. 0.0.0.0, to listen "
					+ "elsewhere)", InetAddress.getLoopbackAddress().getHostAddress());
		}
	}

}
