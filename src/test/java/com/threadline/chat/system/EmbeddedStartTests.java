package com.threadline.chat.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The embedded PostgreSQL requires a password: generated once, kept owner-only in its
 * data directory, reused on restart; a data directory of an older build (trust) is
 * upgraded.
 */
class EmbeddedStartTests {

	@TempDir
	Path home;

	@Test
	void firstStartGeneratesAPasswordKeptOwnerOnlyThatEveryLoginNeedsAndRestartsReuseIt() throws Exception {
		Path dataDir = this.home.resolve("pgdata");
		int port = freePort();
		String password;
		try (EmbeddedDatabase database = EmbeddedStart.start(dataDir, port)) {
			password = database.password();
			assertPasswordRequired(dataDir, port, password);
			assertThat(database.derivedPassword("ask_database")).hasSize(64)
				.isEqualTo(database.derivedPassword("ask_database"))
				.isNotEqualTo(database.derivedPassword("other"))
				.doesNotContain(password);
		}
		try (Stream<Path> files = Files.list(this.home)) {
			assertThat(files).as("no initdb password file left behind").containsExactly(dataDir);
		}

		try (EmbeddedDatabase again = EmbeddedStart.start(dataDir, port)) {
			assertThat(again.password()).isEqualTo(password);
			assertPasswordRequired(dataDir, port, password);
		}
	}

	@Test
	void aTrustingDataDirectoryOfAnOlderBuildGetsAPasswordOnItsNextStart() throws Exception {
		Path dataDir = this.home.resolve("pgdata");
		int port = freePort();
		try (EmbeddedPostgres older = EmbeddedPostgres.builder()
			.setDataDirectory(dataDir)
			.setCleanDataDirectory(false)
			.setPort(port)
			.start()) {
			connect(port, "").close();
		}
		assertThat(dataDir.resolve(EmbeddedStart.PASSWORD_FILE)).doesNotExist();

		String password;
		try (EmbeddedDatabase upgraded = EmbeddedStart.start(dataDir, port)) {
			password = upgraded.password();
			assertPasswordRequired(dataDir, port, password);
		}
		try (EmbeddedDatabase again = EmbeddedStart.start(dataDir, port)) {
			assertThat(again.password()).isEqualTo(password);
			assertPasswordRequired(dataDir, port, password);
		}
	}

	private static void assertPasswordRequired(Path dataDir, int port, String password)
			throws IOException, SQLException {
		Path file = dataDir.resolve(EmbeddedStart.PASSWORD_FILE);
		assertThat(file).hasContent(password);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(password).hasSize(48);
		assertThat(Files.readString(dataDir.resolve("pg_hba.conf"))).doesNotContain("trust").contains("scram-sha-256");
		assertThatExceptionOfType(SQLException.class).isThrownBy(() -> connect(port, ""));
		assertThatExceptionOfType(SQLException.class).isThrownBy(() -> connect(port, "wrong"));
		try (Connection connection = connect(port, password)) {
			assertThat(connection.isValid(5)).isTrue();
		}
	}

	private static Connection connect(int port, String password) throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:%d/postgres".formatted(port), "postgres",
				password);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
