package com.threadline.chat.limit;

import java.util.Map;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.threadline.chat.system.ApiException;
import com.threadline.chat.tenant.context.TenantScope;

/**
 * The limits in force per tenant: the defaults of {@code chat.limits.*} under the
 * operator's overrides, cached briefly so that a request costs no query. Blocking.
 */
@Component
class LimitSettings {

	private final LimitOverrides overrides;

	private final TenantLimits defaults;

	private final TransactionTemplate transactions;

	private final Cache<String, TenantLimits> cache;

	LimitSettings(LimitOverrides overrides, LimitProperties properties, PlatformTransactionManager transactions) {
		this.overrides = overrides;
		this.defaults = properties.defaults();
		this.transactions = new TransactionTemplate(transactions);
		this.cache = Caffeine.newBuilder()
			.expireAfterWrite(properties.overridesCacheTtl())
			.maximumSize(100_000)
			.build();
	}

	/** A tenant's limits as the operator API shows them. */
	record View(String object, String tenantId, TenantLimits limits, Map<String, Long> overridden) {
	}

	/** The limits in force for {@code tenantId}. */
	TenantLimits of(String tenantId) {
		return this.cache.get(tenantId, id -> inTenant(id, () -> load(id).over(this.defaults)));
	}

	/** The limits of {@code tenantId} if they are cached; never blocks. */
	@Nullable TenantLimits cached(String tenantId) {
		return this.cache.getIfPresent(tenantId);
	}

	View view(String tenantId) {
		return inTenant(tenantId, () -> view(tenantId, load(tenantId)));
	}

	/**
	 * Applies {@code changes}: a number overrides that limit, {@code null} restores its
	 * default, a limit not named is left as it is.
	 */
	View update(String tenantId, JsonNode changes) {
		if (!changes.isObject()) {
			throw ApiException.invalid(null, "Invalid request body: it must be a JSON object.");
		}
		View view = inTenant(tenantId, () -> {
			LimitOverride override = load(tenantId);
			for (Map.Entry<String, JsonNode> change : changes.properties()) {
				override.set(change.getKey(), value(change.getKey(), change.getValue()));
			}
			return view(tenantId, this.overrides.save(override));
		});
		this.cache.invalidate(tenantId);
		return view;
	}

	private View view(String tenantId, LimitOverride override) {
		return new View("tenant.limits", tenantId, override.over(this.defaults), override.overridden());
	}

	private LimitOverride load(String tenantId) {
		if (!this.overrides.tenantExists(tenantId)) {
			throw ApiException.notFound("tenant", tenantId);
		}
		return this.overrides.findById(tenantId).orElseGet(() -> new LimitOverride(tenantId));
	}

	private static @Nullable Long value(String name, JsonNode value) {
		if (value.isNull()) {
			return null;
		}
		if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 1) {
			throw ApiException.invalid(name, "Invalid '%s': expected a positive integer or null.".formatted(name));
		}
		return value.asLong();
	}

	private <T> T inTenant(String tenantId, Supplier<T> work) {
		return TenantScope.callUnchecked(tenantId, () -> this.transactions.execute(status -> work.get()));
	}

}
