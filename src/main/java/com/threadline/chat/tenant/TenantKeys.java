package com.threadline.chat.tenant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.github.benmanes.caffeine.cache.Cache;

import org.springframework.stereotype.Component;

import com.threadline.chat.tenant.context.TenantTransactions;

/**
 * The tenants' signing keys: the newest unretired key of a tenant signs its new user
 * tokens; every unretired key verifies the tokens it signed. Rotating makes a new key the
 * signing one without logging anybody out, and retires the keys whose tokens can no
 * longer be valid (superseded longer than the longest token lifetime ago).
 */
@Component
class TenantKeys {

	private static final String HMAC = "HmacSHA256";

	private final SigningKeys keys;

	private final MasterKey masterKey;

	private final TenantTransactions transactions;

	private final UserTokenProperties tokens;

	private final Cache<KeyRef, Optional<SecretKey>> verifying;

	TenantKeys(SigningKeys keys, MasterKey masterKey, TenantTransactions transactions, UserTokenProperties tokens,
			CredentialProperties credentials) {
		this.keys = keys;
		this.masterKey = masterKey;
		this.transactions = transactions;
		this.tokens = tokens;
		this.verifying = credentials.newCache();
	}

	/** The key that signs a tenant's new tokens, and its kid. */
	record Signer(String kid, SecretKey key) {
	}

	/** A signing key just made by a rotation. */
	record Rotated(String id, String object, String tenantId, long createdAt, List<String> retired) {
	}

	private record KeyRef(String tenantId, String kid) {
	}

	Signer signer(String tenantId) {
		return this.transactions.inTenant(tenantId, () -> {
			SigningKey key = this.keys.findByTenantIdAndRetiredAtIsNullOrderByCreatedAtDesc(tenantId)
				.stream()
				.findFirst()
				.orElseGet(() -> this.keys.save(SigningKey.generate(tenantId, this.masterKey)));
			return new Signer(key.kid(), hmacKey(key));
		});
	}

	/** The key {@code kid} of {@code tenantId}, if it exists and is not retired. */
	Optional<SecretKey> verifying(String tenantId, String kid) {
		return this.verifying.get(new KeyRef(tenantId, kid),
				ref -> this.transactions.inTenant(tenantId,
						() -> this.keys.findById(kid)
							.filter(key -> key.tenantId().equals(tenantId) && !key.retired())
							.map(this::hmacKey)));
	}

	Rotated rotate(String tenantId) {
		Rotated rotated = this.transactions.inTenant(tenantId, () -> {
			List<SigningKey> older = this.keys.findByTenantIdAndRetiredAtIsNullOrderByCreatedAtDesc(tenantId);
			SigningKey key = this.keys.save(SigningKey.generate(tenantId, this.masterKey));
			return new Rotated(key.kid(), "signing_key", tenantId, key.createdAt().getEpochSecond(),
					retireOutlived(older));
		});
		forget(tenantId);
		return rotated;
	}

	/** Drops what this instance remembers of a tenant's keys. */
	void forget(String tenantId) {
		this.verifying.asMap().keySet().removeIf(ref -> ref.tenantId().equals(tenantId));
	}

	/**
	 * Retires each key whose successor took over before the longest-lived token it may
	 * have signed expired. {@code newestFirst} excludes the key just made.
	 */
	private List<String> retireOutlived(List<SigningKey> newestFirst) {
		Instant outlived = Instant.now().minus(this.tokens.maxTtl());
		List<String> retired = new ArrayList<>();
		for (int i = 1; i < newestFirst.size(); i++) {
			if (newestFirst.get(i - 1).createdAt().isBefore(outlived)) {
				newestFirst.get(i).retire();
				retired.add(newestFirst.get(i).kid());
			}
		}
		return retired;
	}

	private SecretKey hmacKey(SigningKey key) {
		return new SecretKeySpec(key.secret(this.masterKey), HMAC);
	}

}
