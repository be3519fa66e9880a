package com.threadline.chat.file;

import org.springframework.stereotype.Component;

import com.threadline.chat.limit.StorageLimit;

/**
 * The most bytes of files a tenant may keep: the operator's {@code storage_bytes}
 * override, else {@code chat.files.storage-per-tenant}.
 */
@Component
class StorageQuota {

	private final FileProperties properties;

	private final StorageLimit overrides;

	StorageQuota(FileProperties properties, StorageLimit overrides) {
		this.properties = properties;
		this.overrides = overrides;
	}

	long of(String tenantId) {
		return this.overrides.overrideOf(tenantId).orElse(this.properties.storagePerTenant().toBytes());
	}

}
