package com.threadline.chat.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL of the zero-setup start, used only when no
 * {@code spring.datasource.url} is configured.
 *
 * @param dataDir where the database keeps its files across restarts (default
 * {@code ~/.threadline/pgdata}, set in application.yml)
 * @param port the port it listens on, on the loopback interface only
 */
@ConfigurationProperties("chat.embedded-db")
public record EmbeddedPostgresProperties(Path dataDir, @DefaultValue("54329") int port) {
}
