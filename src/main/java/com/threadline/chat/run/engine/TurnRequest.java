package com.threadline.chat.run.engine;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

import com.threadline.chat.llm.ChatMessage;
import com.threadline.chat.llm.ModelRequest;
import com.threadline.chat.run.RunView;

/** The model request of a run's next turn, from its settings and its prompt so far. */
final class TurnRequest {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private TurnRequest() {
	}

	static ModelRequest of(RunView run, List<ChatMessage> prompt, RunTools.Offered offered, @Nullable Long maxTokens) {
		ArrayNode functions = offered.functions().isEmpty() ? null
				: NODES.arrayNode().addAll(offered.functions().values());
		JsonNode format = run.responseFormat().isObject() ? run.responseFormat() : null;
		return new ModelRequest(run.model(), List.copyOf(prompt), functions,
				RunTools.toolChoice(run.toolChoice(), offered.functions()), unlessDefault(run.temperature()),
				unlessDefault(run.topP()), maxTokens, (functions != null) ? run.parallelToolCalls() : null, format);
	}

	/**
	 * A sampling setting to send, or {@code null} for OpenAI's default 1.0: the model's
	 * own default then applies, and models that take no sampling settings (reasoning
	 * models) are not refused.
	 */
	private static @Nullable Double unlessDefault(@Nullable Double value) {
		return (value != null && value == 1.0) ? null : value;
	}

}
