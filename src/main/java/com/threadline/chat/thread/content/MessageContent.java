package com.threadline.chat.thread.content;

import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import com.threadline.chat.system.ApiException;

/**
 * Turns message input (a string, or an array of {@code text}, {@code image_url} and
 * {@code image_file} parts) into the content parts OpenAI returns, within the
 * 256,000-character limit.
 */
public final class MessageContent {

	static final int MAX_CHARS = 256_000;

	private static final Set<String> IMAGE_PARTS = Set.of("image_url", "image_file");

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private MessageContent() {
	}

	private static final Set<String> DETAILS = Set.of("auto", "low", "high");

	public static ArrayNode parse(@Nullable JsonNode content, String param, Attachments.FileCheck files) {
		if (content == null || content.isNull()) {
			throw ApiException.invalid(param, "Missing required parameter: '%s'.".formatted(param));
		}
		ArrayNode parts = NODES.arrayNode();
		if (content.isString()) {
			parts.add(text(check(content.asString(), param)));
			return parts;
		}
		if (!content.isArray() || content.isEmpty()) {
			throw ApiException.invalid(param,
					"Invalid '%s': expected a string or a non-empty array of content parts.".formatted(param));
		}
		int total = 0;
		for (int i = 0; i < content.size(); i++) {
			JsonNode part = content.get(i);
			String at = "%s[%d]".formatted(param, i);
			String type = part.path("type").asString("");
			if (type.equals("text")) {
				String value = check(part.path("text").asString(""), at + ".text");
				total += value.length();
				parts.add(text(value));
			}
			else if (IMAGE_PARTS.contains(type) && part.get(type) != null && part.get(type).isObject()) {
				detail(part.get(type), "%s.%s.detail".formatted(at, type));
				parts.add(type.equals("image_url") ? imageUrl(part, at + ".image_url.url")
						: imageFile(part, at + ".image_file.file_id", files));
			}
			else {
				throw ApiException.invalid(at + ".type",
						"Invalid '%s.type': expected 'text', 'image_url' or 'image_file'.".formatted(at));
			}
		}
		if (total > MAX_CHARS) {
			throw tooLong(param, total);
		}
		return parts;
	}

	/**
	 * An {@code image_url} part whose url the model provider may fetch: {@code https} or
	 * an inline {@code data:} URL, never {@code http}, {@code file}, {@code javascript}
	 * or the like.
	 */
	private static JsonNode imageUrl(JsonNode part, String param) {
		JsonNode url = part.get("image_url").get("url");
		if (url == null || !url.isString()) {
			throw ApiException.invalid(param, "Missing required parameter: '%s'.".formatted(param));
		}
		String scheme = url.asString().strip().toLowerCase(Locale.ROOT);
		boolean allowed = (scheme.startsWith("https://") && scheme.length() > "https://".length())
				|| scheme.startsWith("data:");
		if (!allowed) {
			throw ApiException.invalid(param, "Invalid '%s': expected an https URL or a data URL.".formatted(param));
		}
		return part;
	}

	/** An {@code image_file} part whose file the caller may see. */
	private static JsonNode imageFile(JsonNode part, String param, Attachments.FileCheck files) {
		JsonNode fileId = part.get("image_file").get("file_id");
		if (fileId == null || !fileId.isString() || fileId.asString().isEmpty()) {
			throw ApiException.invalid(param, "Missing required parameter: '%s'.".formatted(param));
		}
		files.require(fileId.asString(), param);
		return part;
	}

	private static void detail(JsonNode image, String param) {
		JsonNode detail = image.get("detail");
		if (detail != null && !detail.isNull() && !(detail.isString() && DETAILS.contains(detail.asString()))) {
			throw ApiException.invalid(param,
					"Invalid value for '%s': expected one of 'auto', 'low' or 'high'.".formatted(param));
		}
	}

	static ObjectNode text(String value) {
		ObjectNode text = NODES.objectNode();
		text.put("value", value);
		text.set("annotations", NODES.arrayNode());
		ObjectNode part = NODES.objectNode();
		part.put("type", "text");
		part.set("text", text);
		return part;
	}

	private static String check(String value, String param) {
		if (value.isEmpty()) {
			throw ApiException.invalid(param,
					"Invalid '%s': string too short. Expected a string with minimum length 1.".formatted(param));
		}
		if (value.length() > MAX_CHARS) {
			throw tooLong(param, value.length());
		}
		return value;
	}

	private static ApiException tooLong(String param, int length) {
		return ApiException.invalid(param,
				"Invalid '%s': string too long. Expected a string with maximum length %d, but got a string with length %d instead."
					.formatted(param, MAX_CHARS, length));
	}

}
