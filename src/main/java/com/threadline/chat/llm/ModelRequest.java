package com.threadline.chat.llm;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One chat-completions request.
 *
 * @param model the model, optionally prefixed by a configured provider's name
 * ({@code provider/model})
 * @param messages the prompt
 * @param tools function tools in the chat-completions shape, or {@code null}
 * @param toolChoice {@code "auto"}, {@code "none"}, {@code "required"} or a named
 * function, or {@code null}
 * @param temperature sampling temperature, or {@code null}
 * @param topP nucleus sampling, or {@code null}
 * @param maxTokens the most completion tokens, or {@code null}
 * @param parallelToolCalls whether the model may call several tools at once, or
 * {@code null}
 * @param responseFormat the response format, or {@code null}
 */
public record ModelRequest(String model, List<ChatMessage> messages, @Nullable JsonNode tools,
		@Nullable JsonNode toolChoice, @Nullable Double temperature, @Nullable Double topP, @Nullable Long maxTokens,
		@Nullable Boolean parallelToolCalls, @Nullable JsonNode responseFormat) {
}
