package com.threadline.chat.tenant;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

import com.threadline.chat.system.ObjectIds;

/** A tenant's API key, kept only as its SHA-256 hash and a short hint for humans. */
@Entity
@Table(name = "api_keys")
class ApiKey {

	@Id
	private String id;

	private String tenantId;

	private String keyHash;

	private String keyHint;

	private Instant createdAt;

	private @Nullable Instant revokedAt;

	protected ApiKey() {
	}

	ApiKey(String tenantId, String keyHash, String keyHint) {
		this.id = ObjectIds.next("key");
		this.tenantId = tenantId;
		this.keyHash = keyHash;
		this.keyHint = keyHint;
		this.createdAt = Instant.now();
	}

	String id() {
		return this.id;
	}

	String tenantId() {
		return this.tenantId;
	}

	String keyHash() {
		return this.keyHash;
	}

	boolean revoked() {
		return this.revokedAt != null;
	}

	void revoke() {
		this.revokedAt = Instant.now();
	}

}
