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

	/**
	 * Moved on by every rotation of the tenant's API keys: user tokens minted under an
	 * older generation are refused.
	 */
	private long tokenGeneration;

	private Instant createdAt;

	protected Tenant() {
	}

	Tenant(String name) {
		this.id = ObjectIds.next("tenant");
		this.name = name;
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

	long tokenGeneration() {
		return this.tokenGeneration;
	}

	/** Ends every user token of the tenant minted before now. */
	void revokeUserTokens() {
		this.tokenGeneration++;
	}

	Instant createdAt() {
		return this.createdAt;
	}

}
