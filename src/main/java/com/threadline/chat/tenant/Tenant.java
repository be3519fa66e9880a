package com.threadline.chat.tenant;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.threadline.chat.system.ObjectIds;

@Entity
@Table(name = "tenants")
class Tenant {

	@Id
	private String id;

	private String name;

	private boolean disabled;

	/** Base64 HMAC key that signs this tenant's user tokens. */
	private String tokenSecret;

	private Instant createdAt;

	protected Tenant() {
	}

	Tenant(String name, String tokenSecret) {
		this.id = ObjectIds.next("tenant");
		this.name = name;
		this.tokenSecret = tokenSecret;
		this.createdAt = Instant.now();
	}

	String id() {
		return this.id;
	}

	String name() {
		return this.name;
	}

	boolean disabled() {
		return this.disabled;
	}

	void disabled(boolean disabled) {
		this.disabled = disabled;
	}

	String tokenSecret() {
		return this.tokenSecret;
	}

	Instant createdAt() {
		return this.createdAt;
	}

}
