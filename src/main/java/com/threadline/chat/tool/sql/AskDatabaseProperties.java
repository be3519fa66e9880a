package com.threadline.chat.tool.sql;

import java.time.Duration;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The {@code ask_database} tool: its own connection pool, which logs in as a dedicated
 * role, and the limits put on every query the model writes (docs/ask-database.md).
 *
 * @param enabled whether the server runs {@code ask_database} itself; when off, the
 * function goes to the client through {@code requires_action} like any other
 * @param url the JDBC URL of the tool's pool; blank means the application's own database
 * (the tool must use the same database: its view and seal key live there)
 * @param username the tool's login role, created by the migrations or by
 * {@code db/init/ask-db-role.psql}
 * @param password the tool role's password; blank leaves it unset (enough only where the
 * server trusts local logins), except on the embedded database, where blank means one
 * derived from the embedded database's own password
 * @param poolSize the most tool queries running at once
 * @param connectionTimeout how long a tool call waits for a free connection
 * @param statementTimeout how long one query may run before PostgreSQL cancels it
 * @param maxRows the most rows returned to the model; more are cut and flagged
 * {@code truncated}
 * @param maxOutputSize the most JSON returned to the model; rows past it are cut and
 * flagged {@code truncated}
 * @param maxConcurrentPerTenant the most queries of one tenant running at once (below
 * {@code pool-size}, so one tenant cannot hold the whole pool); a further call waits up
 * to {@code connection-timeout}, then gets a tool error
 * @param maxCallsPerTurn the most calls one model turn may make; more are refused with a
 * tool error
 */
@ConfigurationProperties("chat.tool.sql")
record AskDatabaseProperties(@DefaultValue("true") boolean enabled, @DefaultValue("") String url,
		@DefaultValue("threadline_ask_db") String username, @DefaultValue("") String password,
		@DefaultValue("4") int poolSize, @DefaultValue("5s") Duration connectionTimeout,
		@DefaultValue("2s") Duration statementTimeout, @DefaultValue("100") int maxRows,
		@DefaultValue("16KB") DataSize maxOutputSize, @DefaultValue("2") int maxConcurrentPerTenant,
		@DefaultValue("5") int maxCallsPerTurn) {

	/** Closes the dollar quote the password sits in inside the role migration. */
	static final String PASSWORD_QUOTE = "$ask_db_secret$";

	private static final Pattern ROLE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

	AskDatabaseProperties {
		url = url.strip();
		check(ROLE_NAME.matcher(username).matches(),
				"chat.tool.sql.username must be a lower-case PostgreSQL identifier, got '%s'".formatted(username));
		check(!password.contains(PASSWORD_QUOTE) && password.chars().noneMatch(Character::isISOControl),
				"chat.tool.sql.password must not contain control characters or " + PASSWORD_QUOTE);
		check(poolSize >= 1 && poolSize <= 64, "chat.tool.sql.pool-size must be between 1 and 64");
		check(statementTimeout.compareTo(Duration.ofMillis(100)) >= 0
				&& statementTimeout.compareTo(Duration.ofMinutes(5)) <= 0,
				"chat.tool.sql.statement-timeout must be between 100ms and 5m");
		check(!connectionTimeout.isNegative() && connectionTimeout.compareTo(Duration.ofMillis(250)) >= 0,
				"chat.tool.sql.connection-timeout must be at least 250ms");
		check(maxRows >= 1 && maxRows <= 10_000, "chat.tool.sql.max-rows must be between 1 and 10000");
		check(maxConcurrentPerTenant >= 1 && maxConcurrentPerTenant <= 64,
				"chat.tool.sql.max-concurrent-per-tenant must be between 1 and 64");
		check(maxCallsPerTurn >= 1 && maxCallsPerTurn <= 100,
				"chat.tool.sql.max-calls-per-turn must be between 1 and 100");
		check(maxOutputSize.toBytes() >= 1024 && maxOutputSize.toBytes() <= 1024 * 1024,
				"chat.tool.sql.max-output-size must be between 1KB and 1MB");
	}

	private static void check(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}

}
