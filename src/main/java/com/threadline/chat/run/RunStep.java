package com.threadline.chat.run;

import java.time.Instant;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A step of a run as stored: {@code message_creation} or {@code tool_calls}, written when
 * it starts and when it ends, never per token. Its state changes are its methods, checked
 * against {@link StepStatus}.
 */
import com.threadline.chat.system.persistence.AssignedIdEntity;

@Entity
@Table(name = "run_steps")
@DynamicUpdate
class RunStep extends AssignedIdEntity {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

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

	@Convert(converter = StepStatus.Column.class)
	StepStatus status;

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

	/**
	 * Whether the entity is yet to be inserted: its id is assigned, so save() persists.
	 */

	protected RunStep() {
	}

	private RunStep(String id, String tenantId, RunView run, String type, JsonNode stepDetails) {
		this.id = id;
		this.tenantId = tenantId;
		this.runId = run.id();
		this.threadId = run.threadId();
		this.assistantId = run.assistantId();
		this.createdAt = Instant.now();
		this.type = type;
		this.status = StepStatus.IN_PROGRESS;
		this.stepDetails = stepDetails;
		this.metadata = Map.of();
	}

	/** A step in progress that writes the reply {@code messageId}. */
	static RunStep messageCreation(String id, String tenantId, RunView run, String messageId) {
		String type = RunStepView.MESSAGE_CREATION;
		return new RunStep(id, tenantId, run, type,
				NODES.objectNode().put("type", type).set(type, NODES.objectNode().put("message_id", messageId)));
	}

	/** A step in progress whose tool calls are still to come. */
	static RunStep toolCalls(String id, String tenantId, RunView run) {
		return new RunStep(id, tenantId, run, RunStepView.TOOL_CALLS, calls(NODES.arrayNode()));
	}

	boolean isInProgress() {
		return this.status == StepStatus.IN_PROGRESS;
	}

	/** Ends the step as {@code next}; only a step in progress ends. */
	void moveTo(StepStatus next, @Nullable JsonNode lastError) {
		if (!this.status.canMoveTo(next)) {
			throw new IllegalStateException(
					"Step %s cannot move from %s to %s".formatted(this.id, this.status.wire(), next.wire()));
		}
		Instant now = Instant.now();
		this.status = next;
		this.lastError = lastError;
		switch (next) {
			case COMPLETED -> this.completedAt = now;
			case FAILED -> this.failedAt = now;
			case CANCELLED -> this.cancelledAt = now;
			case EXPIRED -> this.expiredAt = now;
			case IN_PROGRESS -> throw new IllegalStateException();
		}
	}

	/** Completes the step, having used {@code usage} if known. */
	void complete(RunView.@Nullable Usage usage) {
		moveTo(StepStatus.COMPLETED, null);
		record(usage);
	}

	/** Records the step's tool calls as they stand. */
	void recordCalls(JsonNode toolCalls) {
		this.stepDetails = calls(toolCalls);
	}

	/** Records what the model turn of this step used. */
	void record(RunView.@Nullable Usage usage) {
		if (usage != null) {
			this.promptTokens = usage.promptTokens();
			this.completionTokens = usage.completionTokens();
			this.totalTokens = usage.totalTokens();
		}
	}

	/** Gives each function call its output by call id, and completes the step. */
	void answer(Map<String, String> outputs) {
		JsonNode details = this.stepDetails.deepCopy();
		for (JsonNode call : details.path("tool_calls")) {
			String output = outputs.get(call.path("id").asString());
			if (output != null) {
				((ObjectNode) call.path("function")).put("output", output);
			}
		}
		this.stepDetails = details;
		moveTo(StepStatus.COMPLETED, null);
	}

	RunView.@Nullable Usage usage() {
		return RunView.Usage.of(this.promptTokens, this.completionTokens, this.totalTokens);
	}

	private static JsonNode calls(JsonNode toolCalls) {
		return NODES.objectNode().put("type", RunStepView.TOOL_CALLS).set("tool_calls", toolCalls);
	}

	@Override
	public String getId() {
		return this.id;
	}

}
