package com.threadline.chat.tool.sql;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A password as the SCRAM-SHA-256 verifier PostgreSQL stores (RFC 5802, RFC 7677), so
 * {@code ALTER ROLE … PASSWORD} never carries the cleartext into the server, its logs or
 * the migration's text.
 */
final class ScramSecret {

	private static final int ITERATIONS = 4096;

	private static final SecureRandom RANDOM = new SecureRandom();

	private ScramSecret() {
	}

	/**
	 * The verifier for {@code password}; a password that is not printable ASCII is
	 * returned as it is (PostgreSQL normalises such passwords with SASLprep before
	 * hashing, which this does not), and so is an empty one.
	 */
	static String of(String password) {
		if (password.isEmpty() || !password.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
			return password;
		}
		byte[] salt = new byte[16];
		RANDOM.nextBytes(salt);
		return of(password, salt, ITERATIONS);
	}

	static String of(String password, byte[] salt, int iterations) {
		try {
			byte[] salted = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
				.generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256))
				.getEncoded();
			byte[] storedKey = MessageDigest.getInstance("SHA-256").digest(hmac(salted, "Client Key"));
			byte[] serverKey = hmac(salted, "Server Key");
			Base64.Encoder base64 = Base64.getEncoder();
			return "SCRAM-SHA-256$%d:%s$%s:%s".formatted(iterations, base64.encodeToString(salt),
					base64.encodeToString(storedKey), base64.encodeToString(serverKey));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] hmac(byte[] key, String message) throws GeneralSecurityException {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key, "HmacSHA256"));
		return mac.doFinal(message.getBytes(StandardCharsets.US_ASCII));
	}

}
