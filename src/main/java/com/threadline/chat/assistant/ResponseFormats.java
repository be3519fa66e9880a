package com.threadline.chat.assistant;

import tools.jackson.databind.JsonNode;

import com.threadline.chat.system.ApiException;

/**
 * Validation of {@code response_format}: {@code "auto"}, or an object of type text,
 * json_object or json_schema.
 */
public final class ResponseFormats {

	private ResponseFormats() {
	}

	public static JsonNode checked(JsonNode format, String param) {
		if (format.isString() && "auto".equals(format.asString())) {
			return format;
		}
		JsonNode type = format.isObject() ? format.get("type") : null;
		if (type != null && type.isString() && (type.asString().equals("text") || type.asString().equals("json_object")
				|| type.asString().equals("json_schema"))) {
			return format;
		}
		throw ApiException.invalid(param,
				"Invalid '%s': expected \"auto\" or an object with type 'text', 'json_object' or 'json_schema'."
					.formatted(param));
	}

}
