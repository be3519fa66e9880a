package com.threadline.chat.tool.sql;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * Binds a tool transaction to one tenant. The {@code ask_db.courses} view shows a
 * tenant's rows only while the transaction carries that tenant's seal, a keyed hash only
 * the application can make: it reads the key (migration V20) through its own connection,
 * which the tool role cannot. So the model's SQL cannot choose its tenant even if it
 * could set {@code app.tenant_id}.
 */
final class TenantSeal {

	private static final Pattern TENANT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private final DataSource appDataSource;

	private volatile byte @Nullable [][] keys;

	TenantSeal(DataSource appDataSource) {
		this.appDataSource = appDataSource;
	}

	/**
	 * Binds {@code tool}'s current transaction to {@code tenantId}.
	 * @return whether the database accepted the seal
	 */
	boolean bind(Connection tool, String tenantId) throws SQLException {
		if (!TENANT_ID.matcher(tenantId).matches()) {
			throw new IllegalArgumentException("Not a tenant id: " + tenantId);
		}
		try (PreparedStatement statement = tool.prepareStatement("select ask_db_seal.bind_tenant(?, ?)")) {
			statement.setString(1, tenantId);
			statement.setString(2, seal(tenantId));
			try (ResultSet result = statement.executeQuery()) {
				return result.next() && result.getBoolean(1);
			}
		}
	}

	/** sha256(outer_key || sha256(inner_key || tenant)), hex, as {@code seal_matches}. */
	String seal(String tenantId) throws SQLException {
		byte[][] keys = keys();
		byte[] inner = sha256(keys[0], tenantId.getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().formatHex(sha256(keys[1], inner));
	}

	private byte[][] keys() throws SQLException {
		byte[][] cached = this.keys;
		if (cached == null) {
			try (Connection connection = this.appDataSource.getConnection();
					Statement statement = connection.createStatement();
					ResultSet result = statement
						.executeQuery("select inner_key, outer_key from ask_db_seal.seal_key")) {
				if (!result.next()) {
					throw new SQLException("ask_db_seal.seal_key is empty");
				}
				cached = new byte[][] { result.getBytes(1), result.getBytes(2) };
			}
			this.keys = cached;
		}
		return cached;
	}

	private static byte[] sha256(byte[] first, byte[] second) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(first);
			return digest.digest(second);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
