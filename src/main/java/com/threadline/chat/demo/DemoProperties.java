package com.threadline.chat.demo;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo tenant of the zero-setup start.
 *
 * @param enabled whether to create and offer the demo; when unset, on exactly when no
 * database is configured
 * @param file where the demo tenant's API key and assistant id are kept between restarts,
 * readable by its owner only (default {@code ~/.threadline/demo.json}, set in
 * application.yml)
 * @param model the model the demo assistant uses
 */
@ConfigurationProperties("chat.demo")
record DemoProperties(@Nullable Boolean enabled, Path file, @DefaultValue("gpt-4o-mini") String model) {

	/** Whether the demo is on, given the configured {@code spring.datasource.url}. */
	boolean enabledFor(String datasourceUrl) {
		return (this.enabled != null) ? this.enabled : datasourceUrl.isBlank();
	}

}
