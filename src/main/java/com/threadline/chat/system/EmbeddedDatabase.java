package com.threadline.chat.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The running embedded PostgreSQL of the zero-setup start (a bean only then): how the
 * application logs in, and passwords for the database's other roles, derived from the
 * superuser's so that they survive restarts without being stored.
 */
public final class EmbeddedDatabase implements AutoCloseable {

	/** The superuser the application logs in as. */
	static final String SUPERUSER = "postgres";

	private final EmbeddedPostgres postgres;

	private final String password;

	EmbeddedDatabase(EmbeddedPostgres postgres, String password) {
		this.postgres = postgres;
		this.password = password;
	}

	String jdbcUrl() {
		return this.postgres.getJdbcUrl(SUPERUSER, SUPERUSER);
	}

	String password() {
		return this.password;
	}

	/**
	 * A password for the role that {@code purpose} names: the same on every start, 64 hex
	 * digits, and revealing nothing of the superuser's password (HMAC-SHA256 keyed with
	 * it).
	 */
	public String derivedPassword(String purpose) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.password.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is unavailable", ex);
		}
	}

	@Override
	public void close() throws IOException {
		this.postgres.close();
	}

}
