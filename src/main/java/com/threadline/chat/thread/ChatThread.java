package com.threadline.chat.thread;

import java.time.Instant;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import com.threadline.chat.system.persistence.AssignedIdEntity;

@Entity
@Table(name = "threads")
class ChatThread extends AssignedIdEntity {

	@Override
	public String getId() {
		return this.id;
	}

	@Id
	String id;

	String tenantId;

	@Generated
	@Column(insertable = false, updatable = false)
	@Nullable Long seq;

	Instant createdAt;

	/**
	 * The end user who owns the thread; {@code null} for a thread only the tenant's API
	 * key uses.
	 */
	@Column(name = "user_id")
	@Nullable String user;

	/** The run that holds the thread while it is active (OpenAI's thread lock). */
	@Nullable String activeRunId;

	@JdbcTypeCode(SqlTypes.JSON)
	Map<String, String> metadata;

	@JdbcTypeCode(SqlTypes.JSON)
	@Nullable JsonNode toolResources;

	protected ChatThread() {
	}

	ChatThread(String id, String tenantId, @Nullable String user, Map<String, String> metadata) {
		this.id = id;
		this.tenantId = tenantId;
		this.user = user;
		this.metadata = metadata;
		this.createdAt = Instant.now();
	}

}
