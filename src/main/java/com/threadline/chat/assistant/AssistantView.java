package com.threadline.chat.assistant;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * An assistant in OpenAI's v2 shape; also what runs read their defaults from. Extensions:
 * {@code server_tools} (the server-side tools its runs execute on the server) and its own
 * token budgets {@code max_prompt_tokens} / {@code max_completion_tokens}.
 */
public record AssistantView(String id, String object, long createdAt, @Nullable String name,
		@Nullable String description, String model, @Nullable String instructions, JsonNode tools,
		JsonNode toolResources, Map<String, String> metadata, @Nullable Double temperature, @Nullable Double topP,
		JsonNode responseFormat, List<String> serverTools, @Nullable Integer maxPromptTokens,
		@Nullable Integer maxCompletionTokens) {

	static AssistantView of(Assistant a) {
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		return new AssistantView(a.id, "assistant", a.createdAt.getEpochSecond(), a.name, a.description, a.model,
				a.instructions, a.tools, (a.toolResources != null) ? a.toolResources : nodes.objectNode(), a.metadata,
				(a.temperature != null) ? a.temperature : 1.0, (a.topP != null) ? a.topP : 1.0,
				(a.responseFormat != null) ? a.responseFormat : nodes.stringNode("auto"), List.of(a.serverTools),
				a.maxPromptTokens, a.maxCompletionTokens);
	}

}
