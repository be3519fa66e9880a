package com.threadline.chat.limit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

import com.threadline.chat.system.ApiException;

/** An operator's overrides of one tenant's limits; a {@code null} keeps the default. */
@Entity
@Table(name = "tenant_limits")
class LimitOverride {

	/**
	 * The names of the limits an operator may override, as the operator API spells them.
	 */
	static final String[] NAMES = { "requests_per_second_per_key", "requests_per_second_per_user",
			"active_runs_per_tenant", "active_runs_per_user", "streams_per_tenant", "streams_per_user",
			"tokens_per_day", "storage_bytes" };

	@Id
	private String tenantId;

	private @Nullable Long requestsPerSecondPerKey;

	private @Nullable Long requestsPerSecondPerUser;

	private @Nullable Long activeRunsPerTenant;

	private @Nullable Long activeRunsPerUser;

	private @Nullable Long streamsPerTenant;

	private @Nullable Long streamsPerUser;

	private @Nullable Long tokensPerDay;

	private @Nullable Long storageBytes;

	private Instant updatedAt;

	protected LimitOverride() {
	}

	LimitOverride(String tenantId) {
		this.tenantId = tenantId;
		this.updatedAt = Instant.now();
	}

	/** The limits in force: these overrides over {@code defaults}. */
	TenantLimits over(TenantLimits defaults) {
		return new TenantLimits(or(this.requestsPerSecondPerKey, defaults.requestsPerSecondPerKey()),
				or(this.requestsPerSecondPerUser, defaults.requestsPerSecondPerUser()),
				or(this.activeRunsPerTenant, defaults.activeRunsPerTenant()),
				or(this.activeRunsPerUser, defaults.activeRunsPerUser()),
				or(this.streamsPerTenant, defaults.streamsPerTenant()),
				or(this.streamsPerUser, defaults.streamsPerUser()), or(this.tokensPerDay, defaults.tokensPerDay()),
				(this.storageBytes != null) ? this.storageBytes : defaults.storageBytes());
	}

	/** The overridden limits by name. */
	Map<String, Long> overridden() {
		Long[] values = { this.requestsPerSecondPerKey, this.requestsPerSecondPerUser, this.activeRunsPerTenant,
				this.activeRunsPerUser, this.streamsPerTenant, this.streamsPerUser, this.tokensPerDay,
				this.storageBytes };
		Map<String, Long> overridden = new LinkedHashMap<>();
		for (int i = 0; i < NAMES.length; i++) {
			if (values[i] != null) {
				overridden.put(NAMES[i], values[i]);
			}
		}
		return overridden;
	}

	/** Overrides the limit {@code name}, or restores its default for {@code null}. */
	void set(String name, @Nullable Long value) {
		switch (name) {
			case "requests_per_second_per_key" -> this.requestsPerSecondPerKey = value;
			case "requests_per_second_per_user" -> this.requestsPerSecondPerUser = value;
			case "active_runs_per_tenant" -> this.activeRunsPerTenant = value;
			case "active_runs_per_user" -> this.activeRunsPerUser = value;
			case "streams_per_tenant" -> this.streamsPerTenant = value;
			case "streams_per_user" -> this.streamsPerUser = value;
			case "tokens_per_day" -> this.tokensPerDay = value;
			case "storage_bytes" -> this.storageBytes = value;
			default -> throw ApiException.invalid(name, "Unrecognized request argument supplied: %s".formatted(name));
		}
		this.updatedAt = Instant.now();
	}

	private static long or(@Nullable Long value, long fallback) {
		return (value != null) ? value : fallback;
	}

}
