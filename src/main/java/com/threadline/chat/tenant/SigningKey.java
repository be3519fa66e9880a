package com.threadline.chat.tenant;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

import com.threadline.chat.system.ObjectIds;

/**
 * One key that signs a tenant's user tokens (HS256); its id is the tokens' {@code kid}.
 * The secret is stored only encrypted under the {@link MasterKey}.
 */
@Entity
@Table(name = "signing_keys")
class SigningKey {

	private static final SecureRandom RANDOM = new SecureRandom();

	/**
	 * Tokens minted before signing keys existed carry no {@code kid}; their tenant's old
	 * secret became the key with this id (V32).
	 */
	static String legacyKid(String tenantId) {
		return "sig_legacy_" + tenantId;
	}

	@Id
	private String id;

	private String tenantId;

	private byte[] secret;

	private Instant createdAt;

	private @Nullable Instant retiredAt;

	protected SigningKey() {
	}

	private SigningKey(String id, String tenantId, byte[] encryptedSecret) {
		this.id = id;
		this.tenantId = tenantId;
		this.secret = encryptedSecret;
		this.createdAt = Instant.now();
	}

	/** A new key with a fresh random secret, encrypted under {@code masterKey}. */
	static SigningKey generate(String tenantId, MasterKey masterKey) {
		String kid = ObjectIds.next("sig");
		byte[] plain = new byte[32];
		RANDOM.nextBytes(plain);
		return new SigningKey(kid, tenantId, masterKey.encrypt(plain, associatedData(tenantId, kid)));
	}

	/** The associated data binding a ciphertext to its tenant and kid. */
	static byte[] associatedData(String tenantId, String kid) {
		return ("signing_keys/" + tenantId + "/" + kid).getBytes(StandardCharsets.UTF_8);
	}

	String kid() {
		return this.id;
	}

	String tenantId() {
		return this.tenantId;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	boolean retired() {
		return this.retiredAt != null;
	}

	void retire() {
		this.retiredAt = Instant.now();
	}

	byte[] secret(MasterKey masterKey) {
		return masterKey.decrypt(this.secret, associatedData(this.tenantId, this.id));
	}

}
