package com.threadline.chat.tenant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * V32: moves each tenant's plain-text token secret (databases made before signing keys)
 * into an encrypted signing key with the legacy kid, so tokens those builds minted keep
 * working until they expire; V33 then drops the plain column. A Java migration because
 * only the application holds the master key. Flyway runs it in one transaction: a tenant
 * is never left without its key.
 */
@Component
class PlainSecretMigration implements JavaMigration {

	private static final Pattern TENANT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private final MasterKey masterKey;

	PlainSecretMigration(MasterKey masterKey) {
		this.masterKey = masterKey;
	}

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("32");
	}

	@Override
	public String getDescription() {
		return "move plain token secrets to signing keys";
	}

	@Override
	public @Nullable Integer getChecksum() {
		return null;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		for (Map.Entry<String, byte[]> tenant : plainSecrets(connection).entrySet()) {
			bindTenant(connection, tenant.getKey());
			insertKey(connection, tenant.getKey(), tenant.getValue());
		}
	}

	private static Map<String, byte[]> plainSecrets(Connection connection) throws SQLException {
		Map<String, byte[]> secrets = new LinkedHashMap<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement
					.executeQuery("select id, token_secret from tenants where token_secret is not null")) {
			while (rows.next()) {
				secrets.put(rows.getString(1), Base64.getDecoder().decode(rows.getString(2)));
			}
		}
		return secrets;
	}

	/**
	 * As TenantTransactionManager does: SET LOCAL, so FORCE ROW LEVEL SECURITY admits the
	 * row.
	 */
	private static void bindTenant(Connection connection, String tenantId) throws SQLException {
		if (!TENANT_ID.matcher(tenantId).matches()) {
			throw new IllegalStateException("Refusing to bind a malformed tenant id");
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("set local app.tenant_id = '" + tenantId + "'");
		}
	}

	private void insertKey(Connection connection, String tenantId, byte[] secret) throws SQLException {
		String kid = SigningKey.legacyKid(tenantId);
		try (PreparedStatement insert = connection.prepareStatement(
				"insert into signing_keys (id, tenant_id, secret) values (?, ?, ?) on conflict (id) do nothing")) {
			insert.setString(1, kid);
			insert.setString(2, tenantId);
			insert.setBytes(3, this.masterKey.encrypt(secret, SigningKey.associatedData(tenantId, kid)));
			insert.executeUpdate();
		}
	}

}
