package com.threadline.chat.thread;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A message to add, as OpenAI takes it: {@code role} user|assistant, {@code content} a
 * string or an array of parts.
 */
public record NewMessage(@Nullable String role, @Nullable JsonNode content, @Nullable JsonNode attachments,
		@Nullable Map<String, String> metadata) {
}
