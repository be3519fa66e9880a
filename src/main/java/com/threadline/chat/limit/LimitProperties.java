package com.threadline.chat.limit;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Quotas and rate limits. Every tenant-level limit is a default an operator may override
 * per tenant ({@code POST /admin/tenants/{id}/limits}).
 *
 * @param requestsPerSecondPerIp requests per second from one client IP, counted before
 * authentication
 * @param ipOverrides requests per second for particular client IPs (e.g. a known NAT
 * gateway), by address as Java prints it
 * @param requestsPerSecondPerKey requests per second with one tenant API key
 * @param requestsPerSecondPerUser requests per second with one end user's tokens
 * @param activeRunsPerTenant runs of one tenant queued, in progress, waiting for tool
 * outputs or cancelling at once
 * @param activeRunsPerUser active runs at once on the threads of one end user
 * @param streamsPerTenant open event streams (SSE) of one tenant on this instance
 * @param streamsPerUser open event streams of one end user on this instance
 * @param tokensPerDay model tokens (prompt + completion) one tenant's runs may use per
 * UTC day
 * @param overridesCacheTtl how long an instance keeps a tenant's overrides before reading
 * them again (changes made on this instance apply at once)
 * @param idleBucketExpiry how long an unused rate-limit bucket is kept in memory
 */
@ConfigurationProperties("chat.limits")
record LimitProperties(@DefaultValue("300") int requestsPerSecondPerIp, @DefaultValue Map<String, Integer> ipOverrides,
		@DefaultValue("100") int requestsPerSecondPerKey, @DefaultValue("20") int requestsPerSecondPerUser,
		@DefaultValue("50") int activeRunsPerTenant, @DefaultValue("5") int activeRunsPerUser,
		@DefaultValue("200") int streamsPerTenant, @DefaultValue("10") int streamsPerUser,
		@DefaultValue("10000000") long tokensPerDay, @DefaultValue("10s") Duration overridesCacheTtl,
		@DefaultValue("10m") Duration idleBucketExpiry) {

	/** The requests per second allowed from {@code ip}. */
	int requestsPerSecondFrom(String ip) {
		return this.ipOverrides.getOrDefault(ip, this.requestsPerSecondPerIp);
	}

	/** The tenant defaults, before any override. */
	TenantLimits defaults() {
		return new TenantLimits(this.requestsPerSecondPerKey, this.requestsPerSecondPerUser, this.activeRunsPerTenant,
				this.activeRunsPerUser, this.streamsPerTenant, this.streamsPerUser, this.tokensPerDay, null);
	}

}
