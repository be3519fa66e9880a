package com.threadline.chat.thread.content;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import com.threadline.chat.system.ApiException;

/**
 * A message's {@code attachments}: at most {@value #MAX} objects {@code {"file_id",
 * "tools": [{"type": "code_interpreter" | "file_search"}]}}, each file one the caller may
 * see; stored as given.
 */
public final class Attachments {

	/** OpenAI's spec gives no bound; ten is what its documentation allowed a message. */
	static final int MAX = 10;

	private static final Set<String> TOOLS = Set.of("code_interpreter", "file_search");

	private Attachments() {
	}

	/** Returns {@code attachments} (an empty array when absent) after checking it. */
	public static JsonNode checked(@Nullable JsonNode attachments, String param, FileCheck files) {
		if (attachments == null || attachments.isNull()) {
			return JsonNodeFactory.instance.arrayNode();
		}
		if (!attachments.isArray()) {
			throw ApiException.invalid(param, "Invalid type for '%s': expected an array.".formatted(param));
		}
		if (attachments.size() > MAX) {
			throw ApiException.invalid(param,
					"Invalid '%s': array too long. Expected an array with maximum length %d, but got an array with length %d instead."
						.formatted(param, MAX, attachments.size()));
		}
		for (int i = 0; i < attachments.size(); i++) {
			check(attachments.get(i), "%s[%d]".formatted(param, i), files);
		}
		return attachments;
	}

	private static void check(JsonNode attachment, String at, FileCheck files) {
		if (!attachment.isObject()) {
			throw ApiException.invalid(at, "Invalid type for '%s': expected an object.".formatted(at));
		}
		JsonNode fileId = attachment.get("file_id");
		if (fileId == null || !fileId.isString() || fileId.asString().isEmpty()) {
			throw ApiException.invalid(at + ".file_id", "Missing required parameter: '%s.file_id'.".formatted(at));
		}
		JsonNode tools = attachment.get("tools");
		if (tools != null && !tools.isNull()) {
			if (!tools.isArray()) {
				throw ApiException.invalid(at + ".tools",
						"Invalid type for '%s.tools': expected an array.".formatted(at));
			}
			for (int t = 0; t < tools.size(); t++) {
				if (!TOOLS.contains(tools.get(t).path("type").asString(""))) {
					String toolAt = "%s.tools[%d].type".formatted(at, t);
					throw ApiException.invalid(toolAt,
							"Invalid value for '%s': expected one of 'code_interpreter' or 'file_search'."
								.formatted(toolAt));
				}
			}
		}
		files.require(fileId.asString(), at + ".file_id");
	}

	/**
	 * Checks that a file id names a file the caller may see, else a 400 naming the
	 * parameter.
	 */
	@FunctionalInterface
	public interface FileCheck {

		void require(String fileId, String param);

	}

}
