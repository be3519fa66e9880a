package com.threadline.chat.support;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The real PostgreSQL every test in this JVM uses, chosen once: {@code TEST_DATABASE_URL}
 * if given, else a Testcontainers PostgreSQL when Docker runs, else a fresh database on
 * the machine's server at 127.0.0.1:5432 (user {@code postgres}, trust auth), else an
 * embedded PostgreSQL. Tests never skip for lack of Docker.
 */
public final class TestDatabase {

	private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);

	private static volatile Info info;

	/** How to reach the database as a superuser. */
	public record Info(String url, String username, String password, String how) {

		public Connection connect() throws SQLException {
			return DriverManager.getConnection(this.url, this.username, this.password);
		}

		/** The same server, another login. */
		public Connection connectAs(String user, String password) throws SQLException {
			return DriverManager.getConnection(this.url, user, password);
		}

	}

	private TestDatabase() {
	}

	public static Info get() {
		Info result = info;
		if (result == null) {
			synchronized (TestDatabase.class) {
				result = info;
				if (result == null) {
					result = choose();
					log.info("Tests use PostgreSQL from {}: {}", result.how(), result.url());
					info = result;
				}
			}
		}
		return result;
	}

	private static Info choose() {
		String url = System.getenv("TEST_DATABASE_URL");
		if (url != null && !url.isBlank()) {
			return new Info(url, env("TEST_DATABASE_USERNAME", "postgres"), env("TEST_DATABASE_PASSWORD", ""),
					"TEST_DATABASE_URL");
		}
		if (dockerAvailable()) {
			PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
			container.start();
			return new Info(container.getJdbcUrl(), container.getUsername(), container.getPassword(), "Testcontainers");
		}
		Info local = localServer();
		if (local != null) {
			return local;
		}
		return embedded();
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (Throwable ex) {
			return false;
		}
	}

	private static Info localServer() {
		String admin = "jdbc:postgresql://127.0.0.1:5432/postgres";
		String name = "threadline_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		try (Connection connection = DriverManager.getConnection(admin + "?connectTimeout=3", "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute("create database " + name.toLowerCase(Locale.ROOT));
		}
		catch (SQLException ex) {
			log.info("No PostgreSQL server usable at 127.0.0.1:5432 ({})", ex.getMessage());
			return null;
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> dropDatabase(admin, name)));
		return new Info("jdbc:postgresql://127.0.0.1:5432/" + name, "postgres", "", "the local server");
	}

	private static void dropDatabase(String admin, String name) {
		try (Connection connection = DriverManager.getConnection(admin, "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists " + name + " with (force)");
		}
		catch (SQLException ex) {
			log.warn("Could not drop test database {}: {}", name, ex.getMessage());
		}
	}

	private static Info embedded() {
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				}
				catch (IOException ex) {
					log.warn("Could not stop embedded PostgreSQL", ex);
				}
			}));
			return new Info(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", "embedded PostgreSQL");
		}
		catch (IOException ex) {
			throw new IllegalStateException("No PostgreSQL available for tests", ex);
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null) ? value : fallback;
	}

}
