package com.threadline.chat.tenant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.threadline.chat.system.ApiException;
import com.threadline.chat.system.ObjectIds;

/**
 * Tenants and their API keys. A key ({@code sk-…}) is shown once, when made, and kept
 * only as a SHA-256 hash; keys are high-entropy random strings, so a fast hash is the
 * right tool and lookups go through an index on the hash.
 */
@Service
public class TenantService {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Tenants tenants;

	private final ApiKeys keys;

	TenantService(Tenants tenants, ApiKeys keys) {
		this.tenants = tenants;
		this.keys = keys;
	}

	/** A tenant as operators see it. */
	public record TenantView(String id, String object, String name, boolean disabled, long createdAt) {

		static TenantView of(Tenant tenant) {
			return new TenantView(tenant.id(), "tenant", tenant.name(), tenant.disabled(),
					tenant.createdAt().getEpochSecond());
		}

	}

	/** A tenant just made, with the only copy of its API key. */
	public record NewTenant(String id, String object, String name, String apiKey, long createdAt) {
	}

	/** A freshly issued API key, shown once. */
	public record NewKey(String id, String object, String tenantId, String apiKey) {
	}

	@Transactional
	public NewTenant create(String name) {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		Tenant tenant = this.tenants.save(new Tenant(name, Base64.getEncoder().encodeToString(secret)));
		String key = issueKey(tenant.id());
		return new NewTenant(tenant.id(), "tenant", tenant.name(), key, tenant.createdAt().getEpochSecond());
	}

	@Transactional(readOnly = true)
	public List<TenantView> list() {
		return this.tenants.findAllByOrderByCreatedAtAsc().stream().map(TenantView::of).toList();
	}

	@Transactional(readOnly = true)
	public boolean exists() {
		return this.tenants.count() > 0;
	}

	@Transactional
	public TenantView setDisabled(String tenantId, boolean disabled) {
		Tenant tenant = find(tenantId);
		tenant.disabled(disabled);
		return TenantView.of(tenant);
	}

	/** Issues a new key and revokes every older one of the tenant. */
	@Transactional
	public NewKey rotateKey(String tenantId) {
		Tenant tenant = find(tenantId);
		this.keys.findByTenantIdAndRevokedAtIsNull(tenant.id()).forEach(ApiKey::revoke);
		String key = issueKey(tenant.id());
		ApiKey saved = this.keys.findByKeyHash(hash(key)).orElseThrow();
		return new NewKey(saved.id(), "api_key", tenant.id(), key);
	}

	/**
	 * The caller a key belongs to, if the key is known, not revoked, and its tenant is
	 * enabled.
	 */
	@Transactional(readOnly = true)
	public Optional<Caller> authenticate(String apiKey) {
		String hash = hash(apiKey);
		return this.keys.findByKeyHash(hash)
			.filter(key -> MessageDigest.isEqual(key.keyHash().getBytes(StandardCharsets.US_ASCII),
					hash.getBytes(StandardCharsets.US_ASCII)))
			.filter(key -> !key.revoked())
			.flatMap(key -> this.tenants.findById(key.tenantId()))
			.filter(tenant -> !tenant.disabled())
			.map(tenant -> Caller.apiKey(tenant.id()));
	}

	Optional<Tenant> enabledTenant(String tenantId) {
		return this.tenants.findById(tenantId).filter(tenant -> !tenant.disabled());
	}

	private Tenant find(String tenantId) {
		return this.tenants.findById(tenantId).orElseThrow(() -> ApiException.notFound("tenant", tenantId));
	}

	private String issueKey(String tenantId) {
		String key = "sk-" + ObjectIds.random(48);
		this.keys.save(new ApiKey(tenantId, hash(key), "sk-..." + key.substring(key.length() - 4)));
		return key;
	}

	static String hash(String key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
