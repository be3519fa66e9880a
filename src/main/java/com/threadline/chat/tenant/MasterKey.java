package com.threadline.chat.tenant;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.util.SecretBytes;

/**
 * The master key ({@code CHAT_MASTER_KEY}): 32 random bytes, written in Base64, that
 * encrypt the tenants' signing secrets at rest with Tink's AES-256-GCM AEAD. The
 * associated data binds each ciphertext to the row it belongs to, so a ciphertext copied
 * into another tenant's row does not decrypt.
 */
final class MasterKey {

	static final String HOW_TO_SET = "Set CHAT_MASTER_KEY to 32 random bytes in Base64, e.g. "
			+ "CHAT_MASTER_KEY=$(openssl rand -base64 32), and keep it as safe as the database backups: "
			+ "it encrypts the tenants' token signing keys, and losing it ends every user token.";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Aead aead;

	private final byte[] bytes;

	private MasterKey(Aead aead, byte[] bytes) {
		this.aead = aead;
		this.bytes = bytes.clone();
	}

	/**
	 * A key for another purpose, derived as HMAC-SHA256 of {@code label} under the master
	 * key, so that the master key itself never signs or leaves this class.
	 */
	byte[] derive(String label) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.bytes, "HmacSHA256"));
			return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every JDK has HmacSHA256", ex);
		}
	}

	/** A master key from its Base64 form; refuses anything but 32 bytes. */
	static MasterKey of(String base64) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(base64.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("CHAT_MASTER_KEY is not valid Base64. " + HOW_TO_SET);
		}
		if (bytes.length != 32) {
			throw new IllegalStateException(
					"CHAT_MASTER_KEY must decode to 32 bytes, not %d. %s".formatted(bytes.length, HOW_TO_SET));
		}
		try {
			AesGcmParameters parameters = AesGcmParameters.builder()
				.setKeySizeBytes(32)
				.setIvSizeBytes(12)
				.setTagSizeBytes(16)
				.setVariant(AesGcmParameters.Variant.NO_PREFIX)
				.build();
			AesGcmKey key = AesGcmKey.builder()
				.setParameters(parameters)
				.setKeyBytes(SecretBytes.copyFrom(bytes, InsecureSecretKeyAccess.get()))
				.build();
			return new MasterKey(AesGcmJce.create(key), bytes);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot use the master key", ex);
		}
	}

	/** A new random master key in Base64. */
	static String generate() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getEncoder().encodeToString(bytes);
	}

	byte[] encrypt(byte[] plaintext, byte[] associatedData) {
		try {
			return this.aead.encrypt(plaintext, associatedData);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot encrypt under the master key", ex);
		}
	}

	/**
	 * The plaintext; fails when the ciphertext was made under another master key or for
	 * other associated data.
	 */
	byte[] decrypt(byte[] ciphertext, byte[] associatedData) {
		try {
			return this.aead.decrypt(ciphertext, associatedData);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("A signing secret does not decrypt under the configured master key "
					+ "(was CHAT_MASTER_KEY changed?)", ex);
		}
	}

}
