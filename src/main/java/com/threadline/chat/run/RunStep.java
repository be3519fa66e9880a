package com.threadline.chat.run;

import java.time.Instant;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A step of a run as stored: {@code message_creation} or {@code tool_calls}, written when
 * it starts and when it ends, never per token.
 */
@Entity
@Table(name = "run_steps")
@DynamicUpdate
class RunStep {

	static final String MESSAGE_CREATION = "message_creation";

	static final String TOOL_CALLS = "tool_calls";

	@Id
	String id;

	String tenantId;

	String runId;

	String threadId;

	String assistantId;

	@Generated
	@Column(insertable = false, updatable = false)
	@Nullable Long seq;

	Instant createdAt;

	String type;

	String status;

	@JdbcTypeCode(SqlTypes.JSON)
	JsonNode stepDetails;

	@JdbcTypeCode(SqlTypes.JSON)
	@Nullable JsonNode lastError;

	@Nullable Instant expiredAt;

	@Nullable Instant cancelledAt;

	@Nullable Instant failedAt;

	@Nullable Instant completedAt;

	@JdbcTypeCode(SqlTypes.JSON)
	Map<String, String> metadata;

	@Nullable Long promptTokens;

	@Nullable Long completionTokens;

	@Nullable Long totalTokens;

	protected RunStep() {
	}

	RunStep(String id, String tenantId, RunView run, String type, JsonNode stepDetails) {
		this.id = id;
		this.tenantId = tenantId;
		this.runId = run.id();
		this.threadId = run.threadId();
		this.assistantId = run.assistantId();
		this.createdAt = Instant.now();
		this.type = type;
		this.status = "in_progress";
		this.stepDetails = stepDetails;
		this.metadata = Map.of();
	}

}
