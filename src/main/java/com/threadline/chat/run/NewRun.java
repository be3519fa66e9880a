package com.threadline.chat.run;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import com.threadline.chat.thread.NewMessage;

/**
 * A run to create, as OpenAI takes it; every field but {@code assistant_id} overrides or
 * extends the assistant's settings for this run only.
 */
public record NewRun(@Nullable String assistantId, @Nullable String model, @Nullable String instructions,
		@Nullable String additionalInstructions, @Nullable List<NewMessage> additionalMessages,
		@Nullable JsonNode tools, @Nullable Map<String, String> metadata, @Nullable Double temperature,
		@Nullable Double topP, @Nullable Long maxPromptTokens, @Nullable Long maxCompletionTokens,
		@Nullable JsonNode truncationStrategy, @Nullable JsonNode toolChoice, @Nullable Boolean parallelToolCalls,
		@Nullable JsonNode responseFormat, @Nullable Boolean stream) {

	boolean streaming() {
		return Boolean.TRUE.equals(this.stream);
	}

}
