package com.threadline.chat.tenant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.threadline.chat.system.ApiException;
import com.threadline.chat.system.ObjectIds;

/**
 * Tenants and their API keys. A key ({@code sk-…}) is shown once, when made, and kept
 * only as a SHA-256 hash; keys are high-entropy random strings, so a fast hash is the
 * right tool and lookups go through an index on the hash. Look-ups are cached briefly
 * ({@link TenantLookups}); rotating keys and disabling or enabling a tenant forget its
 * entries at once.
 */
@Service
public class TenantService {

	private final Tenants tenants;

	private final ApiKeys keys;

	private final TenantKeys signingKeys;

	private final TenantLookups lookups;

	private final TransactionTemplate transaction;

	TenantService(Tenants tenants, ApiKeys keys, TenantKeys signingKeys, TenantLookups lookups,
			PlatformTransactionManager transactions) {
		this.tenants = tenants;
		this.keys = keys;
		this.signingKeys = signingKeys;
		this.lookups = lookups;
		this.transaction = new TransactionTemplate(transactions);
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

	/**
	 * Makes a tenant, its first API key and (once the tenant is committed, as the key's
	 * row-level-secured table requires) its first signing key.
	 */
	public NewTenant create(String name) {
		NewTenant created = this.transaction.execute(status -> {
			Tenant tenant = this.tenants.save(new Tenant(name));
			String key = issueKey(tenant.id());
			return new NewTenant(tenant.id(), "tenant", tenant.name(), key, tenant.createdAt().getEpochSecond());
		});
		this.signingKeys.signer(created.id());
		return created;
	}

	@Transactional(readOnly = true)
	public List<TenantView> list() {
		return this.tenants.findAllByOrderByCreatedAtAsc().stream().map(TenantView::of).toList();
	}

	@Transactional(readOnly = true)
	public boolean exists() {
		return this.tenants.count() > 0;
	}

	public TenantView setDisabled(TenantId tenantId, boolean disabled) {
		TenantView view = this.transaction.execute(status -> {
			Tenant tenant = find(tenantId);
			tenant.disabled(disabled);
			return TenantView.of(tenant);
		});
		forget(tenantId);
		return view;
	}

	/**
	 * Issues a new key and revokes every older one of the tenant, and with them every
	 * user token the tenant minted before.
	 */
	public NewKey rotateKey(TenantId tenantId) {
		NewKey rotated = this.transaction.execute(status -> {
			Tenant tenant = find(tenantId);
			this.keys.findByTenantIdAndRevokedAtIsNull(tenant.id()).forEach(ApiKey::revoke);
			tenant.revokeUserTokens();
			String key = issueKey(tenant.id());
			ApiKey saved = this.keys.findByKeyHash(hash(key)).orElseThrow();
			return new NewKey(saved.id(), "api_key", tenant.id(), key);
		});
		forget(tenantId);
		return rotated;
	}

	/** Makes a new signing key the one that signs the tenant's user tokens. */
	TenantKeys.Rotated rotateSigningKey(TenantId tenantId) {
		this.transaction.execute(status -> find(tenantId));
		return this.signingKeys.rotate(tenantId.value());
	}

	/**
	 * The caller a key belongs to, if the key is known, not revoked, and its tenant is
	 * enabled.
	 */
	public Optional<Caller> authenticate(String apiKey) {
		return this.lookups.tenantOfKey(hash(apiKey))
			.filter(tenantId -> this.lookups.state(tenantId).map(TenantLookups.TenantState::enabled).orElse(false))
			.map(Caller::apiKey);
	}

	private void forget(TenantId tenantId) {
		this.lookups.forget(tenantId.value());
		this.signingKeys.forget(tenantId.value());
	}

	private Tenant find(TenantId tenantId) {
		return this.tenants.findById(tenantId.value())
			.orElseThrow(() -> ApiException.notFound("tenant", tenantId.value()));
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
