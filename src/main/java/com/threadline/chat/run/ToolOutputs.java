package com.threadline.chat.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import com.threadline.chat.system.ApiException;

/**
 * Checks {@code tool_outputs} against the calls a run waits for: every pending call
 * answered exactly once, in one request, with a string; no unknown call.
 */
final class ToolOutputs {

	private ToolOutputs() {
	}

	/** The outputs by call id, once they answer exactly the {@code pending} calls. */
	static Map<String, String> checked(@Nullable List<ToolOutput> outputs, List<String> pending) {
		if (outputs == null || outputs.isEmpty()) {
			throw ApiException.invalid("tool_outputs", "Missing required parameter: 'tool_outputs'.");
		}
		Map<String, String> byId = new LinkedHashMap<>();
		for (int i = 0; i < outputs.size(); i++) {
			ToolOutput output = outputs.get(i);
			String param = "tool_outputs[%d]".formatted(i);
			String id = (output != null) ? output.toolCallId() : null;
			if (id == null || id.isBlank()) {
				throw ApiException.invalid(param + ".tool_call_id",
						"Missing required parameter: '%s.tool_call_id'.".formatted(param));
			}
			if (!pending.contains(id)) {
				throw ApiException.invalid(param + ".tool_call_id",
						"Invalid '%s.tool_call_id': '%s' is not a tool call this run is waiting for.".formatted(param,
								id));
			}
			JsonNode value = output.output();
			if (value == null || !value.isString()) {
				throw ApiException.invalid(param + ".output",
						"Invalid type for '%s.output': expected a string.".formatted(param));
			}
			if (byId.put(id, value.asString()) != null) {
				throw ApiException.invalid(param + ".tool_call_id",
						"Invalid '%s.tool_call_id': duplicate output for '%s'.".formatted(param, id));
			}
		}
		if (byId.size() != pending.size()) {
			throw ApiException.invalid("tool_outputs", "Expected tool outputs for call_ids %s, got %s."
				.formatted(quoted(pending), quoted(new ArrayList<>(byId.keySet()))));
		}
		return byId;
	}

	private static String quoted(List<String> ids) {
		return ids.stream().map(id -> "'" + id + "'").toList().toString();
	}

}
