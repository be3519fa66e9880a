package com.threadline.chat.run;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import com.threadline.chat.thread.NewMessage;

/**
 * {@code POST /v1/threads/runs}: a new thread (its messages, metadata, tool resources
 * and, as an extension, its owning {@code user}) and a run on it.
 */
public record NewThreadAndRun(@Nullable String assistantId, @Nullable Thread thread, @Nullable String model,
		@Nullable String instructions, @Nullable JsonNode tools, @Nullable JsonNode toolResources,
		@Nullable Map<String, String> metadata, @Nullable Double temperature, @Nullable Double topP,
		@Nullable Long maxPromptTokens, @Nullable Long maxCompletionTokens, @Nullable JsonNode truncationStrategy,
		@Nullable JsonNode toolChoice, @Nullable Boolean parallelToolCalls, @Nullable JsonNode responseFormat,
		@Nullable Boolean stream) {

	/** The thread to create. */
	public record Thread(@Nullable List<NewMessage> messages, @Nullable Map<String, String> metadata,
			@Nullable JsonNode toolResources, @Nullable String user) {
	}

	/** The run part, as on an existing thread. */
	NewRun run() {
		return new NewRun(this.assistantId, this.model, this.instructions, null, null, this.tools, this.metadata,
				this.temperature, this.topP, this.maxPromptTokens, this.maxCompletionTokens, this.truncationStrategy,
				this.toolChoice, this.parallelToolCalls, this.responseFormat, this.stream);
	}

}
