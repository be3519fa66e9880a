package com.threadline.chat.tool.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.threadline.chat.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verifier the role migration receives instead of the password is the one PostgreSQL
 * itself stores for that password: PostgreSQL hashes a password, and the same salt and
 * iteration count give the same keys here.
 */
class ScramSecretTests {

	@Test
	void matchesWhatPostgresqlStoresForTheSamePassword() throws SQLException {
		String role = "threadline_scram_probe_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		try (Connection connection = TestDatabase.get().connect(); Statement statement = connection.createStatement()) {
			statement.execute("set password_encryption = 'scram-sha-256'");
			statement.execute("create role " + role + " password 'S3cret pass-word!'");
			try (ResultSet stored = statement
				.executeQuery("select rolpassword from pg_authid where rolname = '" + role + "'")) {
				stored.next();
				String verifier = stored.getString(1);
				String[] parts = verifier.split("[$:]");
				byte[] salt = Base64.getDecoder().decode(parts[2]);
				int iterations = Integer.parseInt(parts[1]);

				assertThat(ScramSecret.of("S3cret pass-word!", salt, iterations)).isEqualTo(verifier);
			}
			finally {
				statement.execute("drop role " + role);
			}
		}
	}

	@Test
	void leavesEmptyAndNonAsciiPasswordsAlone() {
		assertThat(ScramSecret.of("")).isEmpty();
		assertThat(ScramSecret.of("пароль")).isEqualTo("пароль");
		assertThat(ScramSecret.of("plain")).startsWith("SCRAM-SHA-256$4096:").isNotEqualTo(ScramSecret.of("plain"));
	}

}
