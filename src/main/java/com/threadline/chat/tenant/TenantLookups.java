package com.threadline.chat.tenant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The look-ups every authenticated request makes, cached briefly
 * ({@code chat.credentials.cache-ttl}): which tenant an API key hash belongs to, and
 * whether a tenant is enabled and which token generation it is at. Whoever changes a
 * tenant's keys or state calls {@link #forget} after committing, so this instance refuses
 * a revoked credential on the very next request.
 */
@Component
class TenantLookups {

	private final Tenants tenants;

	private final ApiKeys keys;

	private final TransactionTemplate transaction;

	private final Cache<String, Optional<String>> tenantOfKey;

	private final Cache<String, Optional<TenantState>> states;

	TenantLookups(Tenants tenants, ApiKeys keys, PlatformTransactionManager transactions,
			CredentialProperties credentials) {
		this.tenants = tenants;
		this.keys = keys;
		this.transaction = new TransactionTemplate(transactions);
		this.tenantOfKey = credentials.newCache();
		this.states = credentials.newCache();
	}

	/** What verifying a credential needs to know of its tenant. */
	record TenantState(boolean enabled, long tokenGeneration) {
	}

	/** The tenant of an unrevoked key with this SHA-256 hash. */
	Optional<String> tenantOfKey(String hash) {
		return this.tenantOfKey.get(hash, this::unrevokedKeyOwner);
	}

	/** The tenant's state as this instance last read it (at most the cache TTL ago). */
	Optional<TenantState> state(String tenantId) {
		return this.states.get(tenantId, id -> this.transaction.execute(status -> currentState(id)));
	}

	/** The tenant's state now, read from the database. */
	Optional<TenantState> currentState(String tenantId) {
		return this.tenants.findById(tenantId)
			.map(tenant -> new TenantState(!tenant.disabled(), tenant.tokenGeneration()));
	}

	/** Drops what this instance remembers of a tenant's keys and state. */
	void forget(String tenantId) {
		this.states.invalidate(tenantId);
		this.tenantOfKey.asMap().values().removeIf(owner -> owner.filter(tenantId::equals).isPresent());
	}

	private Optional<String> unrevokedKeyOwner(String hash) {
		return this.transaction.execute(status -> this.keys.findByKeyHash(hash)
			.filter(key -> MessageDigest.isEqual(key.keyHash().getBytes(StandardCharsets.US_ASCII),
					hash.getBytes(StandardCharsets.US_ASCII)))
			.filter(key -> !key.revoked())
			.map(ApiKey::tenantId));
	}

}
