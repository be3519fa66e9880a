package com.threadline.chat.thread;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import com.threadline.chat.system.ApiException;

/**
 * A message's {@code attachments}: an array of objects (OpenAI's {@code {"file_id",
 * "tools"}}), stored as given.
 */
final class Attachments {

	private Attachments() {
	}

	/** Returns {@code attachments} (an empty array when absent) after checking it. */
	static JsonNode checked(@Nullable JsonNode attachments, String param) {
		if (attachments == null || attachments.isNull()) {
			return JsonNodeFactory.instance.arrayNode();
		}
		if (!attachments.isArray()) {
			throw ApiException.invalid(param, "Invalid type for '%s': expected an array.".formatted(param));
		}
		for (int i = 0; i < attachments.size(); i++) {
			if (!attachments.get(i).isObject()) {
				throw ApiException.invalid("%s[%d]".formatted(param, i),
						"Invalid type for '%s[%d]': expected an object.".formatted(param, i));
			}
		}
		return attachments;
	}

}
