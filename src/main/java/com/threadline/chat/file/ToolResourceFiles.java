package com.threadline.chat.file;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import com.threadline.chat.system.ApiException;

/**
 * The shape of {@code tool_resources.code_interpreter.file_ids}: an array of at most
 * {@value #MAX_CODE_FILES} strings. {@code file_search} is left as it is.
 */
final class ToolResourceFiles {

	static final int MAX_CODE_FILES = 20;

	private ToolResourceFiles() {
	}

	/**
	 * The code_interpreter file ids in {@code toolResources}, after checking its shape.
	 */
	static List<String> codeInterpreter(@Nullable JsonNode toolResources, String param) {
		if (toolResources == null || toolResources.isNull()) {
			return List.of();
		}
		if (!toolResources.isObject()) {
			throw ApiException.invalid(param, "Invalid type for '%s': expected an object.".formatted(param));
		}
		JsonNode code = toolResources.get("code_interpreter");
		if (code == null || code.isNull()) {
			return List.of();
		}
		String at = param + ".code_interpreter";
		if (!code.isObject()) {
			throw ApiException.invalid(at, "Invalid type for '%s': expected an object.".formatted(at));
		}
		JsonNode ids = code.get("file_ids");
		if (ids == null || ids.isNull()) {
			return List.of();
		}
		String idsAt = at + ".file_ids";
		if (!ids.isArray()) {
			throw ApiException.invalid(idsAt, "Invalid type for '%s': expected an array.".formatted(idsAt));
		}
		if (ids.size() > MAX_CODE_FILES) {
			throw ApiException.invalid(idsAt,
					"Invalid '%s': array too long. Expected an array with maximum length %d, but got an array with length %d instead."
						.formatted(idsAt, MAX_CODE_FILES, ids.size()));
		}
		List<String> fileIds = new ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			if (!ids.get(i).isString()) {
				throw ApiException.invalid("%s[%d]".formatted(idsAt, i),
						"Invalid type for '%s[%d]': expected a string.".formatted(idsAt, i));
			}
			fileIds.add(ids.get(i).asString());
		}
		return fileIds;
	}

}
