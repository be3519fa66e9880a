package com.threadline.chat.file;

import org.springframework.stereotype.Component;

/** The most bytes of files a tenant may keep. */
@Component
class StorageQuota {

	private final FileProperties properties;

	StorageQuota(FileProperties properties) {
		this.properties = properties;
	}

	long of(String tenantId) {
		return this.properties.storagePerTenant().toBytes();
	}

}
