package com.threadline.chat.modelaccess;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A tenant's allow-list as stored: one row per restricted tenant. */
@Entity
@Table(name = "tenant_models")
class TenantModels {

	@Id
	String tenantId;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(columnDefinition = "text[]")
	String[] models;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(columnDefinition = "text[]")
	String[] providers;

	Instant updatedAt;

	protected TenantModels() {
	}

	TenantModels(String tenantId) {
		this.tenantId = tenantId;
		this.models = new String[0];
		this.providers = new String[0];
		this.updatedAt = Instant.now();
	}

}
