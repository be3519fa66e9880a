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
@Table(name = "messages")
class Message extends AssignedIdEntity {

	@Override
	public String getId() {
		return this.id;
	}

	@Id
	String id;

	String tenantId;

	String threadId;

	@Generated
	@Column(insertable = false, updatable = false)
	@Nullable Long seq;

	Instant createdAt;

	String role;

	/**
	 * Content parts in OpenAI's output shape, e.g.
	 * {@code [{"type":"text","text":{"value":…,"annotations":[]}}]}.
	 */
	@JdbcTypeCode(SqlTypes.JSON)
	JsonNode content;

	String status;

	@Nullable String assistantId;

	@Nullable String runId;

	@JdbcTypeCode(SqlTypes.JSON)
	JsonNode attachments;

	@JdbcTypeCode(SqlTypes.JSON)
	Map<String, String> metadata;

	@JdbcTypeCode(SqlTypes.JSON)
	@Nullable JsonNode incompleteDetails;

	@Nullable Instant completedAt;

	@Nullable Instant incompleteAt;

	protected Message() {
	}

	Message(String id, String tenantId, String threadId, String role, JsonNode content, String status,
			JsonNode attachments, Map<String, String> metadata) {
		this.id = id;
		this.tenantId = tenantId;
		this.threadId = threadId;
		this.role = role;
		this.content = content;
		this.status = status;
		this.attachments = attachments;
		this.metadata = metadata;
		this.createdAt = Instant.now();
	}

}
