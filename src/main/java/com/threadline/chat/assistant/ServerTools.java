package com.threadline.chat.assistant;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

import com.threadline.chat.system.ApiException;
import com.threadline.chat.tool.ToolExecutors;

/**
 * Validation of an assistant's {@code server_tools}: the names of server-side tools this
 * server has, each at most once.
 */
@Component
class ServerTools {

	private final ToolExecutors executors;

	ServerTools(ToolExecutors executors) {
		this.executors = executors;
	}

	/** The names in {@code node}, or {@code null} when it is absent or JSON null. */
	@Nullable List<String> checked(@Nullable JsonNode node, String param) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isArray()) {
			throw ApiException.invalid(param,
					"Invalid type for '%s': expected an array of tool names.".formatted(param));
		}
		List<String> names = new ArrayList<>();
		for (int i = 0; i < node.size(); i++) {
			JsonNode name = node.get(i);
			if (!name.isString() || !this.executors.names().contains(name.asString())) {
				throw ApiException.invalid("%s[%d]".formatted(param, i),
						"Invalid '%s[%d]': %s is not a server-side tool; available: %s.".formatted(param, i, name,
								new TreeSet<>(this.executors.names())));
			}
			if (!names.contains(name.asString())) {
				names.add(name.asString());
			}
		}
		return List.copyOf(names);
	}

}
