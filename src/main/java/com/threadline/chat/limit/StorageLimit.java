package com.threadline.chat.limit;

import java.util.OptionalLong;

import org.springframework.stereotype.Component;

/**
 * The operator's override of a tenant's file storage quota ({@code storage_bytes} in
 * {@code /admin/tenants/{id}/limits}), for the file module, which owns the default.
 */
@Component
public class StorageLimit {

	private final LimitSettings settings;

	StorageLimit(LimitSettings settings) {
		this.settings = settings;
	}

	/** The bytes of files the tenant may keep, if the operator set them. Blocking. */
	public OptionalLong overrideOf(String tenantId) {
		Long bytes = this.settings.of(tenantId).storageBytes();
		return (bytes != null) ? OptionalLong.of(bytes) : OptionalLong.empty();
	}

}
