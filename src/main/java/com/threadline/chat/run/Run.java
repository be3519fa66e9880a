package com.threadline.chat.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

import com.threadline.chat.system.persistence.AssignedIdEntity;
import com.threadline.chat.system.ApiException;
import com.threadline.chat.system.Metadata;

/**
 * A run as stored, and the only place its state changes: each change is a method that
 * checks the move against {@link RunStatus}. Updates write the changed columns only, so a
 * metadata change and a status change never overwrite each other.
 */
@Entity
@Table(name = "runs")
@DynamicUpdate
class Run extends AssignedIdEntity {

	@Id
	String id;

	String tenantId;

	String threadId;

	@Generated
	@Column(insertable = false, updatable = false)
	@Nullable Long seq;

	Instant createdAt;

	String assistantId;

	@Convert(converter = RunStatus.Column.class)
	RunStatus status;

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

	/** The endings a cancelling run may still come to; any other makes it cancelled. */
	private static final Set<RunStatus> AFTER_CANCELLING = Set.of(RunStatus.CANCELLED, RunStatus.EXPIRED);

	/**
	 * Whether the entity is yet to be inserted: its id is assigned, so save() persists.
	 */

	protected Run() {
	}

	/** A queued run, executed by {@code instance}. */
	Run(String id, String tenantId, String threadId, String assistantId, RunOptions options, Instant expiresAt,
			String instance) {
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
		this.ownerInstance = instance;
		this.heartbeatAt = this.createdAt;
	}

	RunStatus status() {
		return this.status;
	}

	/**
	 * Moves the run to {@code next}; an illegal move is a bug, never a client's error.
	 */
	void moveTo(RunStatus next) {
		if (!this.status.canMoveTo(next)) {
			throw new IllegalStateException(
					"Run %s cannot move from %s to %s".formatted(this.id, this.status.wire(), next.wire()));
		}
		this.status = next;
	}

	/** A queued run starts executing on {@code instance}. */
	void begin(String instance) {
		moveTo(RunStatus.IN_PROGRESS);
		Instant now = Instant.now();
		this.startedAt = (this.startedAt != null) ? this.startedAt : now;
		this.ownerInstance = instance;
		this.heartbeatAt = now;
	}

	/** The run pauses until the client answers {@code requiredAction}. */
	void requireAction(JsonNode requiredAction) {
		moveTo(RunStatus.REQUIRES_ACTION);
		this.requiredAction = requiredAction;
	}

	/**
	 * Asks the run to cancel, as OpenAI allows for queued, in_progress and
	 * requires_action; returns the status it had.
	 */
	RunStatus cancel() {
		RunStatus previous = this.status;
		if (!previous.canMoveTo(RunStatus.CANCELLING)) {
			throw ApiException.invalid(null, "Cannot cancel run with status '%s'.".formatted(previous.wire()));
		}
		moveTo(RunStatus.CANCELLING);
		return previous;
	}

	/** The ids of the calls the run waits for; only a run in requires_action waits. */
	List<String> pendingCalls() {
		if (this.status != RunStatus.REQUIRES_ACTION || this.requiredAction == null) {
			throw ApiException.invalid(null,
					"Runs in status \"%s\" do not accept tool outputs.".formatted(this.status.wire()));
		}
		List<String> pending = new ArrayList<>();
		this.requiredAction.path("submit_tool_outputs")
			.path("tool_calls")
			.forEach(call -> pending.add(call.path("id").asString()));
		return pending;
	}

	/** A run given its tool outputs is queued again, to execute on {@code instance}. */
	void resume(String instance) {
		moveTo(RunStatus.QUEUED);
		this.requiredAction = null;
		this.ownerInstance = instance;
		this.heartbeatAt = Instant.now();
	}

	/** How the run ends when asked to end as {@code wanted}: a cancelling run cancels. */
	Ending ending(Ending wanted) {
		return (this.status == RunStatus.CANCELLING && !AFTER_CANCELLING.contains(wanted.status())) ? Ending.cancelled()
				: wanted;
	}

	/** Ends the run as {@code ending} says, having used {@code usage} in all. */
	void settle(Ending ending, RunView.Usage usage) {
		moveTo(ending.status());
		Instant now = Instant.now();
		this.requiredAction = null;
		this.lastError = ending.lastError();
		this.incompleteDetails = ending.incompleteDetails();
		this.promptTokens = usage.promptTokens();
		this.completionTokens = usage.completionTokens();
		this.totalTokens = usage.totalTokens();
		switch (ending.status()) {
			case COMPLETED, INCOMPLETE -> this.completedAt = now;
			case FAILED -> this.failedAt = now;
			case CANCELLED -> this.cancelledAt = now;
			default -> {
			}
		}
		if (ending.status() != RunStatus.EXPIRED) {
			this.expiresAt = null;
		}
	}

	/** Replaces the run's metadata, the one thing of a run a client may change. */
	void modify(@Nullable Map<String, String> metadata) {
		if (metadata != null) {
			this.metadata = Metadata.checked(metadata);
		}
	}

	@Override
	public String getId() {
		return this.id;
	}

}
