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
		String type = format.isObject() ? format.path("type").asString("") : "";
		return switch (type) {
			case "text", "json_object" -> format;
			case "json_schema" -> jsonSchema(format, param);
			default -> throw ApiException.invalid(param,
					"Invalid '%s': expected \"auto\" or an object with type 'text', 'json_object' or 'json_schema'."
						.formatted(param));
		};
	}

	/** A {@code json_schema} format must carry the schema the reply is held to. */
	private static JsonNode jsonSchema(JsonNode format, String param) {
		JsonNode jsonSchema = format.get("json_schema");
		if (jsonSchema == null || !jsonSchema.isObject()) {
			throw ApiException.invalid(param + ".json_schema",
					"Missing required parameter: '%s.json_schema'.".formatted(param));
		}
		JsonNode schema = jsonSchema.get("schema");
		if (schema == null || !schema.isObject()) {
			throw ApiException.invalid(param + ".json_schema.schema",
					"Missing required parameter: '%s.json_schema.schema' (a JSON schema object).".formatted(param));
		}
		return format;
	}

}
