package com.threadline.chat.limit;

import org.jspecify.annotations.Nullable;

/**
 * The limits in force for one tenant: its overrides, else the defaults of
 * {@code chat.limits.*}.
 *
 * @param requestsPerSecondPerKey requests per second with one API key
 * @param requestsPerSecondPerUser requests per second with one end user's tokens
 * @param activeRunsPerTenant active runs of the tenant at once
 * @param activeRunsPerUser active runs on one end user's threads at once
 * @param streamsPerTenant open event streams of the tenant
 * @param streamsPerUser open event streams of one end user
 * @param tokensPerDay model tokens per UTC day
 * @param storageBytes bytes of files the tenant may keep; {@code null} for the file
 * module's default ({@code chat.files.storage-per-tenant})
 */
record TenantLimits(long requestsPerSecondPerKey, long requestsPerSecondPerUser, long activeRunsPerTenant,
		long activeRunsPerUser, long streamsPerTenant, long streamsPerUser, long tokensPerDay,
		@Nullable Long storageBytes) {
}
