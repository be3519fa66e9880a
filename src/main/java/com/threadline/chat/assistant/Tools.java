package com.threadline.chat.assistant;

import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import com.threadline.chat.system.ApiException;
import com.threadline.chat.tool.ToolExecutors;

/**
 * Validation of a {@code tools} array as OpenAI did it: at most 128 tools, each
 * {@code code_interpreter}, {@code file_search} or {@code function} with a valid name.
 */
public final class Tools {

	private static final Set<String> TYPES = Set.of("code_interpreter", "file_search", "function");

	private static final Pattern FUNCTION_NAME = Pattern.compile("^[a-zA-Z0-9_-]{1,64}$");

	private Tools() {
	}

	/** Returns {@code tools} (an empty array when {@code null}) after checking it. */
	public static JsonNode checked(@Nullable JsonNode tools, String param) {
		if (tools == null || tools.isNull()) {
			return JsonNodeFactory.instance.arrayNode();
		}
		if (!tools.isArray()) {
			throw ApiException.invalid(param, "Invalid type for '%s': expected an array.".formatted(param));
		}
		if (tools.size() > 128) {
			throw ApiException.invalid(param,
					"Invalid '%s': array too long. Expected an array with maximum length 128, but got %d instead."
						.formatted(param, tools.size()));
		}
		for (int i = 0; i < tools.size(); i++) {
			check(tools.get(i), "%s[%d]".formatted(param, i));
		}
		return tools;
	}

	/**
	 * Checks that every built-in tool declared in {@code tools} (already
	 * {@link #checked}) can run on this server: a declared {@code code_interpreter} whose
	 * sandbox is missing is a 400 naming {@code tools[i].type} and what to install.
	 */
	public static void requireAvailable(JsonNode tools, String param, ToolExecutors executors) {
		for (int i = 0; i < tools.size(); i++) {
			String type = tools.get(i).path("type").asString("");
			if ("function".equals(type)) {
				continue;
			}
			String at = "%s[%d].type".formatted(param, i);
			executors.unavailable(type).ifPresent(reason -> {
				throw ApiException.invalid(at, "Invalid value for '%s': %s".formatted(at, reason));
			});
		}
	}

	private static void check(JsonNode tool, String param) {
		JsonNode type = tool.get("type");
		if (!tool.isObject() || type == null || !type.isString() || !TYPES.contains(type.asString())) {
			throw ApiException.invalid(param + ".type",
					"Invalid value for '%s.type': expected one of 'code_interpreter', 'file_search' or 'function'."
						.formatted(param));
		}
		if (!"function".equals(type.asString())) {
			return;
		}
		JsonNode function = tool.get("function");
		JsonNode name = (function != null) ? function.get("name") : null;
		if (name == null || !name.isString() || !FUNCTION_NAME.matcher(name.asString()).matches()) {
			throw ApiException.invalid(param + ".function.name",
					"Invalid '%s.function.name': expected a string of 1 to 64 letters, digits, underscores or dashes."
						.formatted(param));
		}
		JsonNode parameters = function.get("parameters");
		if (parameters != null && !parameters.isNull() && !parameters.isObject()) {
			throw ApiException.invalid(param + ".function.parameters",
					"Invalid type for '%s.function.parameters': expected an object.".formatted(param));
		}
	}

}
