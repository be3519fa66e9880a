package com.threadline.chat.tenant;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.threadline.chat.support.IntegrationTest;
import com.threadline.chat.support.OwnedDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database made by a build from before signing keys (plain-text secrets in
 * {@code tenants.token_secret}) upgraded by the migrations, run as a non-superuser table
 * owner, so FORCE ROW LEVEL SECURITY applies to them as in production.
 */
class PlainSecretMigrationTests {

	private static final SecureRandom RANDOM = new SecureRandom();

	private OwnedDatabase database;

	@BeforeEach
	void database() throws SQLException {
		this.database = OwnedDatabase.create("threadline_legacy_probe");
	}

	@AfterEach
	void drop() throws SQLException {
		this.database.drop();
	}

	@Test
	void movesEveryPlainSecretIntoAnEncryptedSigningKeyAndDropsThePlainColumn() throws SQLException {
		flyway().target("31").load().migrate();
		byte[] first = randomSecret();
		byte[] second = randomSecret();
		try (Connection connection = connect()) {
			insertLegacyTenant(connection, "tenant_legacyA", first);
			insertLegacyTenant(connection, "tenant_legacyB", second);
		}

		MasterKey masterKey = MasterKey.of(IntegrationTest.MASTER_KEY);
		flyway().javaMigrations(new PlainSecretMigration(masterKey)).load().migrate();

		try (Connection connection = connect()) {
			assertThat(count(connection, "select count(*) from tenants")).isEqualTo(2);
			assertThat(count(connection, """
					select count(*) from information_schema.columns
					where table_name = 'tenants' and column_name = 'token_secret'""")).isZero();
			assertThat(decryptedLegacyKey(connection, masterKey, "tenant_legacyA")).isEqualTo(first);
			assertThat(decryptedLegacyKey(connection, masterKey, "tenant_legacyB")).isEqualTo(second);
		}
	}

	private FluentConfiguration flyway() {
		return Flyway.configure()
			.dataSource(this.database.url(), this.database.owner(), this.database.password())
			.locations("classpath:db/migration")
			.placeholders(Map.of("ask_db_role", "threadline_ask_db", "ask_db_password", ""));
	}

	private Connection connect() throws SQLException {
		return DriverManager.getConnection(this.database.url(), this.database.owner(), this.database.password());
	}

	private static void insertLegacyTenant(Connection connection, String id, byte[] secret) throws SQLException {
		try (PreparedStatement insert = connection
			.prepareStatement("insert into tenants (id, name, token_secret) values (?, ?, ?)")) {
			insert.setString(1, id);
			insert.setString(2, id);
			insert.setString(3, Base64.getEncoder().encodeToString(secret));
			insert.executeUpdate();
		}
	}

	/** Reads the key as the application does: with the tenant bound, under FORCE RLS. */
	private static byte[] decryptedLegacyKey(Connection connection, MasterKey masterKey, String tenantId)
			throws SQLException {
		String kid = SigningKey.legacyKid(tenantId);
		connection.setAutoCommit(false);
		try (Statement statement = connection.createStatement()) {
			statement.execute("set local app.tenant_id = '" + tenantId + "'");
			try (ResultSet rows = statement
				.executeQuery("select secret, tenant_id from signing_keys where id = '" + kid + "'")) {
				assertThat(rows.next()).as("legacy key of %s", tenantId).isTrue();
				assertThat(rows.getString(2)).isEqualTo(tenantId);
				return masterKey.decrypt(rows.getBytes(1), SigningKey.associatedData(tenantId, kid));
			}
		}
		finally {
			connection.rollback();
			connection.setAutoCommit(true);
		}
	}

	private static long count(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private static byte[] randomSecret() {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		return secret;
	}

}
