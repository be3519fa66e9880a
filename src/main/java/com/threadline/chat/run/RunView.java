package com.threadline.chat.run;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A run in OpenAI's v2 shape ({@code thread.run}); {@code serverTools}, which the engine
 * reads, is not part of that shape and is never serialised.
 */
public record RunView(String id, String object, long createdAt, String threadId, String assistantId, String status,
		@Nullable JsonNode requiredAction, @Nullable JsonNode lastError, @Nullable Long expiresAt,
		@Nullable Long startedAt, @Nullable Long cancelledAt, @Nullable Long failedAt, @Nullable Long completedAt,
		@Nullable JsonNode incompleteDetails, String model, String instructions, JsonNode tools,
		Map<String, String> metadata, @Nullable Usage usage, @Nullable Double temperature, @Nullable Double topP,
		@Nullable Integer maxPromptTokens, @Nullable Integer maxCompletionTokens, JsonNode truncationStrategy,
		JsonNode responseFormat, JsonNode toolChoice, boolean parallelToolCalls, @JsonIgnore List<String> serverTools) {

	/** Token usage of a run or a step; {@code null} until it has ended. */
	public record Usage(long promptTokens, long completionTokens, long totalTokens) {

		/** Nothing used yet. */
		public static final Usage NONE = new Usage(0, 0, 0);

		public static @Nullable Usage of(@Nullable Long prompt, @Nullable Long completion, @Nullable Long total) {
			return (prompt != null && completion != null && total != null) ? new Usage(prompt, completion, total)
					: null;
		}

		/**
		 * This and {@code other} together; nothing more when {@code other} is unknown.
		 */
		public Usage plus(@Nullable Usage other) {
			if (other == null) {
				return this;
			}
			return new Usage(this.promptTokens + other.promptTokens, this.completionTokens + other.completionTokens,
					this.totalTokens + other.totalTokens);
		}

	}

	/** Whether the run was in {@code status} when this view was taken. */
	public boolean is(RunStatus status) {
		return this.status.equals(status.wire());
	}

	static RunView of(Run r) {
		return new RunView(r.id, "thread.run", r.createdAt.getEpochSecond(), r.threadId, r.assistantId, r.status.wire(),
				r.requiredAction, r.lastError, seconds(r.expiresAt), seconds(r.startedAt), seconds(r.cancelledAt),
				seconds(r.failedAt), seconds(r.completedAt), r.incompleteDetails, r.model, r.instructions, r.tools,
				r.metadata, Usage.of(r.promptTokens, r.completionTokens, r.totalTokens), r.temperature, r.topP,
				r.maxPromptTokens, r.maxCompletionTokens, r.truncationStrategy, r.responseFormat, r.toolChoice,
				r.parallelToolCalls, List.of(r.serverTools));
	}

	static @Nullable Long seconds(@Nullable Instant instant) {
		return (instant != null) ? instant.getEpochSecond() : null;
	}

}
