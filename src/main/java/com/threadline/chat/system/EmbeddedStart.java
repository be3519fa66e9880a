package com.threadline.chat.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the embedded PostgreSQL with password authentication only (SCRAM, never
 * {@code trust}): a random superuser password generated on the first start, kept in the
 * data directory (mode 0600) and reused after. A data directory made by an older build,
 * which trusted every local login, is upgraded on its next start: it gets a password,
 * then its {@code pg_hba.conf} is replaced and reloaded.
 */
final class EmbeddedStart {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedStart.class);

	/** The superuser's password, inside the data directory. */
	static final String PASSWORD_FILE = "threadline-password";

	static final String HBA = """
			# Written by Threadline on every start of its embedded PostgreSQL: password (SCRAM) logins only.
			local   all   all                  scram-sha-256
			host    all   all   127.0.0.1/32   scram-sha-256
			host    all   all   ::1/128        scram-sha-256
			""";

	private static final SecureRandom RANDOM = new SecureRandom();

	private EmbeddedStart() {
	}

	static EmbeddedDatabase start(Path dataDir, int port) throws IOException {
		Files.createDirectories(dataDir);
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(dataDir)
			.setCleanDataDirectory(false)
			.setPort(port);
		if (!Files.exists(dataDir.resolve("postgresql.conf"))) {
			return initialise(builder, dataDir);
		}
		Path passwordFile = dataDir.resolve(PASSWORD_FILE);
		if (!Files.isRegularFile(passwordFile)) {
			return upgrade(builder, dataDir);
		}
		PrivateFiles.tighten(passwordFile);
		String password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
		return new EmbeddedDatabase(secured(builder, password).start(), password);
	}

	/**
	 * A new data directory: initdb sets the password from a file outside the directory
	 * (which initdb wants empty), deleted again right after.
	 */
	private static EmbeddedDatabase initialise(EmbeddedPostgres.Builder builder, Path dataDir) throws IOException {
		String password = newPassword();
		Path parent = dataDir.toAbsolutePath().getParent();
		Path pwfile = parent.resolve(".threadline-initdb-" + newPassword().substring(0, 12));
		try {
			PrivateFiles.write(pwfile, password.getBytes(StandardCharsets.UTF_8));
			builder.setLocaleConfig("pwfile", pwfile.toString()).setLocaleConfig("auth", "scram-sha-256");
			return new EmbeddedDatabase(secured(builder, password).start(), password);
		}
		finally {
			Files.deleteIfExists(pwfile);
		}
	}

	/** Before the server starts: the password file and password-only authentication. */
	private static EmbeddedPostgres.Builder secured(EmbeddedPostgres.Builder builder, String password) {
		return builder.setConnectConfig("password", password).setDataDirectoryCustomizer(dir -> {
			try {
				secure(dir.toPath(), password);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	private static void secure(Path dataDir, String password) throws IOException {
		PrivateFiles.write(dataDir.resolve(PASSWORD_FILE), password.getBytes(StandardCharsets.UTF_8));
		Files.writeString(dataDir.resolve("pg_hba.conf"), HBA, StandardCharsets.UTF_8);
	}

	/**
	 * A data directory of an older build: start it as it is (trusting local logins, as it
	 * always did), give the superuser a password, then require it.
	 */
	private static EmbeddedDatabase upgrade(EmbeddedPostgres.Builder builder, Path dataDir) throws IOException {
		EmbeddedPostgres postgres = builder.start();
		String password = newPassword();
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("set log_statement = 'none'");
			// Hex digits only: safe inside the literal.
			statement.execute("alter role %s password '%s'".formatted(EmbeddedDatabase.SUPERUSER, password));
			secure(dataDir, password);
			statement.execute("select pg_reload_conf()");
		}
		catch (SQLException | IOException | RuntimeException ex) {
			postgres.close();
			throw new IOException("Could not move the embedded database in " + dataDir + " to password logins", ex);
		}
		log.info("The embedded database in {} trusted every local login: it now requires a password, kept in {}",
				dataDir, dataDir.resolve(PASSWORD_FILE));
		return new EmbeddedDatabase(postgres, password);
	}

	private static String newPassword() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

}
