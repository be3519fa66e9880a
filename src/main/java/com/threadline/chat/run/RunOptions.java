package com.threadline.chat.run;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import com.threadline.chat.assistant.AssistantView;
import com.threadline.chat.assistant.ResponseFormats;
import com.threadline.chat.assistant.Tools;
import com.threadline.chat.system.ApiException;
import com.threadline.chat.system.Limits;
import com.threadline.chat.system.Metadata;

/**
 * The settings a run executes with: the request's overrides, validated as OpenAI did,
 * over the assistant's defaults.
 */
record RunOptions(String model, String instructions, JsonNode tools, Map<String, String> metadata,
		@Nullable Double temperature, @Nullable Double topP, @Nullable Integer maxPromptTokens,
		@Nullable Integer maxCompletionTokens, JsonNode truncationStrategy, JsonNode toolChoice,
		boolean parallelToolCalls, JsonNode responseFormat, List<String> serverTools) {

	static final int MAX_INSTRUCTIONS = 256_000;

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final Set<String> TOOL_CHOICES = Set.of("none", "auto", "required");

	static RunOptions resolve(NewRun request, AssistantView assistant) {
		String model = assistant.model();
		if (request.model() != null) {
			if (request.model().isBlank()) {
				throw ApiException.invalid("model", "Invalid 'model': expected a non-empty string.");
			}
			model = request.model();
		}
		return new RunOptions(model, instructions(request, assistant),
				(request.tools() != null) ? Tools.checked(request.tools(), "tools") : assistant.tools(),
				Metadata.checked(request.metadata()),
				(request.temperature() != null) ? Limits.between0And(request.temperature(), "temperature", 2.0)
						: assistant.temperature(),
				(request.topP() != null) ? Limits.between0And(request.topP(), "top_p", 1.0) : assistant.topP(),
				tokens(request.maxPromptTokens(), "max_prompt_tokens", assistant.maxPromptTokens()),
				tokens(request.maxCompletionTokens(), "max_completion_tokens", assistant.maxCompletionTokens()),
				truncation(request.truncationStrategy()), toolChoice(request.toolChoice()),
				!Boolean.FALSE.equals(request.parallelToolCalls()),
				(request.responseFormat() != null && !request.responseFormat().isNull())
						? ResponseFormats.checked(request.responseFormat(), "response_format")
						: assistant.responseFormat(),
				assistant.serverTools());
	}

	private static String instructions(NewRun request, AssistantView assistant) {
		String base = (request.instructions() != null)
				? Limits.maxLength(request.instructions(), "instructions", MAX_INSTRUCTIONS)
				: (assistant.instructions() != null) ? assistant.instructions() : "";
		if (request.additionalInstructions() == null || request.additionalInstructions().isEmpty()) {
			return base;
		}
		String additional = Limits.maxLength(request.additionalInstructions(), "additional_instructions",
				MAX_INSTRUCTIONS);
		return base.isEmpty() ? additional : base + "\n\n" + additional;
	}

	/** The request's budget, else the assistant's own (an extension), else none. */
	private static @Nullable Integer tokens(@Nullable Long value, String param, @Nullable Integer own) {
		if (value == null) {
			return own;
		}
		if (value < 256 || value > Integer.MAX_VALUE) {
			throw ApiException.invalid(param,
					"Invalid '%s': integer below minimum value. Expected a value >= 256, but got %d instead."
						.formatted(param, value));
		}
		return value.intValue();
	}

	private static JsonNode truncation(@Nullable JsonNode strategy) {
		ObjectNode result = NODES.objectNode().put("type", "auto").putNull("last_messages");
		if (strategy == null || strategy.isNull()) {
			return result;
		}
		String type = strategy.path("type").asString("");
		if (!strategy.isObject() || !(type.equals("auto") || type.equals("last_messages"))) {
			throw ApiException.invalid("truncation_strategy.type",
					"Invalid value for 'truncation_strategy.type': expected one of 'auto' or 'last_messages'.");
		}
		result.put("type", type);
		JsonNode last = strategy.get("last_messages");
		if (last != null && !last.isNull()) {
			if (!last.isIntegralNumber() || last.asLong() < 1 || last.asLong() > Integer.MAX_VALUE) {
				throw ApiException.invalid("truncation_strategy.last_messages",
						"Invalid 'truncation_strategy.last_messages': expected an integer >= 1.");
			}
			result.put("last_messages", last.asInt());
		}
		return result;
	}

	private static JsonNode toolChoice(@Nullable JsonNode choice) {
		if (choice == null || choice.isNull()) {
			return NODES.stringNode("auto");
		}
		if (choice.isString() && TOOL_CHOICES.contains(choice.asString())) {
			return choice;
		}
		String type = choice.path("type").asString("");
		boolean named = type.equals("function") && choice.path("function").path("name").isString();
		if (choice.isObject() && (named || type.equals("code_interpreter") || type.equals("file_search"))) {
			return choice;
		}
		throw ApiException.invalid("tool_choice",
				"Invalid 'tool_choice': expected 'none', 'auto', 'required' or {\"type\": \"function\", \"function\": {\"name\": ...}}.");
	}

}
