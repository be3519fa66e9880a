package com.threadline.chat.tenant;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Component;

import com.threadline.chat.tenant.context.TenantTransactions;

/**
 * Per-user revocation of user tokens by generation: a token carries its user's generation
 * at minting ({@code ugen}) and is refused once a revocation has moved it on. Exact where
 * {@code iat}, in whole seconds, could not be: a token minted in the same second as a
 * revocation but after it still works.
 */
@Component
class UserRevocations {

	private final EntityManager entityManager;

	private final TenantTransactions transactions;

	private final Cache<UserRef, Long> generations;

	UserRevocations(EntityManager entityManager, TenantTransactions transactions, CredentialProperties credentials) {
		this.entityManager = entityManager;
		this.transactions = transactions;
		this.generations = credentials.newCache();
	}

	/** A revocation as the API answers it. */
	record Revocation(String object, String user, long revokedAt) {
	}

	private record UserRef(String tenantId, String user) {
	}

	/**
	 * The user's generation as this instance last read it (at most the cache TTL ago).
	 */
	long generation(String tenantId, String user) {
		return this.generations.get(new UserRef(tenantId, user), ref -> current(tenantId, user));
	}

	/** The user's generation now, read from the database. */
	long current(String tenantId, String user) {
		return this.transactions.inTenant(tenantId, () -> {
			List<?> rows = this.entityManager
				.createNativeQuery(
						"select generation from user_token_revocations where tenant_id = ?1 and user_id = ?2")
				.setParameter(1, tenantId)
				.setParameter(2, user)
				.getResultList();
			return rows.isEmpty() ? 0L : ((Number) rows.getFirst()).longValue();
		});
	}

	/** Ends every token of the user minted before now. */
	Revocation revoke(String tenantId, String user) {
		Object[] row = this.transactions.inTenant(tenantId, () -> (Object[]) this.entityManager.createNativeQuery("""
				insert into user_token_revocations (tenant_id, user_id, generation, revoked_at)
				values (?1, ?2, 1, now())
				on conflict (tenant_id, user_id)
				do update set generation = user_token_revocations.generation + 1, revoked_at = now()
				returning generation, revoked_at""").setParameter(1, tenantId).setParameter(2, user).getSingleResult());
		this.generations.invalidate(new UserRef(tenantId, user));
		return new Revocation("user_tokens.revocation", user, epochSecond(row[1]));
	}

	private static long epochSecond(Object timestamp) {
		return switch (timestamp) {
			case Instant instant -> instant.getEpochSecond();
			case OffsetDateTime time -> time.toEpochSecond();
			case java.sql.Timestamp time -> time.toInstant().getEpochSecond();
			default -> throw new IllegalStateException("Unexpected timestamp " + timestamp.getClass());
		};
	}

}
