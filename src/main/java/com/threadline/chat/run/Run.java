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
 * A run as stored. Only the engine changes its status; updates write the changed columns
 * only, so a metadata change and a status change never overwrite each other.
 */
@Entity
@Table(name = "runs")
@DynamicUpdate
class Run {

	@Id
	String id;

	String tenantId;

	String threadId;

	@Generated
	@Column(insertable = false, updatable = false)
	@Nullable Long seq;

	Instant createdAt;

	String assistantId;

	String status;

	@JdbcTypeCode(SqlTypes.JSON)
	@Nullable JsonNode requiredAction;

	@JdbcTypeCode(SqlTypes.JSON)
	@Nullable JsonNode lastError;

	@Nullable Instant expiresAt;

	@Nullable Instant startedAt;

	@Nullable Instant cancelledAt;

	@Nullable Instant failedAt;

	@Nullable Instant completedAt;

	@JdbcTypeCode(SqlTypes.JSON)
	@Nullable JsonNode incompleteDetails;

	String model;

	String instructions;

	@JdbcTypeCode(SqlTypes.JSON)
	JsonNode tools;

	@JdbcTypeCode(SqlTypes.JSON)
	Map<String, String> metadata;

	@Nullable Long promptTokens;

	@Nullable Long completionTokens;

	@Nullable Long totalTokens;

	@Nullable Double temperature;

	@Column(name = "top_p")
	@Nullable Double topP;

	@Nullable Integer maxPromptTokens;

	@Nullable Integer maxCompletionTokens;

	@JdbcTypeCode(SqlTypes.JSON)
	JsonNode truncationStrategy;

	@JdbcTypeCode(SqlTypes.JSON)
	JsonNode responseFormat;

	@JdbcTypeCode(SqlTypes.JSON)
	JsonNode toolChoice;

	boolean parallelToolCalls;

	/** The server-side tools its assistant had enabled when the run was created. */
	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(columnDefinition = "text[]")
	String[] serverTools = new String[0];

	@Nullable String ownerInstance;

	@Nullable Instant heartbeatAt;

	protected Run() {
	}

	Run(String id, String tenantId, String threadId, String assistantId, RunOptions options, Instant expiresAt) {
		this.id = id;
		this.tenantId = tenantId;
		this.threadId = threadId;
		this.assistantId = assistantId;
		this.createdAt = Instant.now();
		this.status = RunStatus.QUEUED;
		this.expiresAt = expiresAt;
		this.model = options.model();
		this.instructions = options.instructions();
		this.tools = options.tools();
		this.metadata = options.metadata();
		this.temperature = options.temperature();
		this.topP = options.topP();
		this.maxPromptTokens = options.maxPromptTokens();
		this.maxCompletionTokens = options.maxCompletionTokens();
		this.truncationStrategy = options.truncationStrategy();
		this.responseFormat = options.responseFormat();
		this.toolChoice = options.toolChoice();
		this.parallelToolCalls = options.parallelToolCalls();
		this.serverTools = options.serverTools().toArray(String[]::new);
	}

}
