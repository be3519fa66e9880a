package com.threadline.chat.tool.sql;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;

import com.threadline.chat.system.EmbeddedDatabase;

/**
 * The tool's own small connection pool, logging in as its own role. Deliberately not a
 * {@link DataSource} bean: nothing else in the application may pick it up. Built on first
 * use, so a missing role makes the tool unavailable rather than the application fail to
 * start.
 */
final class AskDatabasePool implements AutoCloseable {

	/**
	 * URL parameters (lower-cased) that could change who logs in or how statements are
	 * sent; the driver lets the URL win over the pool's properties, so they are dropped.
	 */
	private static final Set<String> OVERRIDDEN = Set.of("user", "password", "service", "options", "preferquerymode",
			"preparethreshold", "currentschema", "readonly", "readonlymode", "maxresultbuffer", "sockettimeout",
			"autosave", "applicationname");

	/** The most bytes of rows the driver buffers for one query. */
	static final long MAX_RESULT_BYTES = 4L * 1024 * 1024;

	private final AskDatabaseProperties properties;

	private final DataSource appDataSource;

	private final String password;

	/** Whether {@link #password} is the embedded database's, set on the role here. */
	private final boolean embeddedPassword;

	private volatile @Nullable HikariDataSource pool;

	/**
	 * With {@code embedded} (the zero-setup start, which requires passwords) and no
	 * configured password, the tool's role gets one derived from the embedded database's.
	 */
	AskDatabasePool(AskDatabaseProperties properties, DataSource appDataSource, @Nullable EmbeddedDatabase embedded) {
		this.properties = properties;
		this.appDataSource = appDataSource;
		this.embeddedPassword = properties.password().isEmpty() && embedded != null;
		this.password = this.embeddedPassword ? embedded.derivedPassword("ask_database") : properties.password();
	}

	Connection connection() throws SQLException {
		return pool().getConnection();
	}

	/** Closes {@code connection} for good instead of returning it to the pool. */
	void evict(Connection connection) {
		HikariDataSource current = this.pool;
		if (current != null) {
			current.evictConnection(connection);
		}
	}

	private HikariDataSource pool() throws SQLException {
		HikariDataSource current = this.pool;
		if (current == null) {
			synchronized (this) {
				current = this.pool;
				if (current == null) {
					if (this.embeddedPassword) {
						setRolePassword();
					}
					current = new HikariDataSource(config(url()));
					this.pool = current;
				}
			}
		}
		return current;
	}

	private HikariConfig config(String url) {
		HikariConfig config = new HikariConfig();
		config.setPoolName("ask-database");
		config.setJdbcUrl(url);
		config.setUsername(this.properties.username());
		if (!this.password.isEmpty()) {
			config.setPassword(this.password);
		}
		config.setMaximumPoolSize(this.properties.poolSize());
		config.setMinimumIdle(0);
		config.setConnectionTimeout(this.properties.connectionTimeout().toMillis());
		config.setInitializationFailTimeout(-1);
		config.setAutoCommit(false);
		config.setReadOnly(true);
		// One protocol-level statement per query, which PostgreSQL checks holds one
		// command.
		config.addDataSourceProperty("preferQueryMode", "extended");
		config.addDataSourceProperty("prepareThreshold", "0");
		config.addDataSourceProperty("maxResultBuffer", String.valueOf(MAX_RESULT_BYTES));
		long socketTimeout = this.properties.statementTimeout().toSeconds() + 30;
		config.addDataSourceProperty("socketTimeout", String.valueOf(socketTimeout));
		config.addDataSourceProperty("ApplicationName", "threadline ask_database");
		return config;
	}

	/**
	 * Gives the tool's role (made by the migrations, before this first use) its derived
	 * password, on every start: the superuser's password it derives from may be new.
	 */
	private void setRolePassword() throws SQLException {
		try (Connection connection = this.appDataSource.getConnection();
				Statement statement = connection.createStatement()) {
			// A checked identifier and hex digits: safe to inline.
			statement.execute("alter role %s password '%s'".formatted(this.properties.username(), this.password));
		}
	}

	private String url() throws SQLException {
		String url = this.properties.url();
		if (url.isEmpty()) {
			url = appUrl();
		}
		return withoutOverriddenParameters(url);
	}

	private String appUrl() throws SQLException {
		if (this.appDataSource.isWrapperFor(HikariDataSource.class)) {
			String url = this.appDataSource.unwrap(HikariDataSource.class).getJdbcUrl();
			if (url != null) {
				return url;
			}
		}
		try (Connection connection = this.appDataSource.getConnection()) {
			return connection.getMetaData().getURL();
		}
	}

	static String withoutOverriddenParameters(String url) {
		int query = url.indexOf('?');
		if (query < 0) {
			return url;
		}
		String kept = Arrays.stream(url.substring(query + 1).split("&"))
			.filter(parameter -> !parameter.isEmpty())
			.filter(parameter -> !OVERRIDDEN.contains(name(parameter)))
			.collect(Collectors.joining("&"));
		return url.substring(0, query) + (kept.isEmpty() ? "" : "?" + kept);
	}

	private static String name(String parameter) {
		String name = URLDecoder.decode(parameter.split("=", 2)[0], StandardCharsets.UTF_8);
		return name.strip().toLowerCase(Locale.ROOT);
	}

	@Override
	public void close() {
		HikariDataSource current = this.pool;
		if (current != null) {
			current.close();
		}
	}

}
