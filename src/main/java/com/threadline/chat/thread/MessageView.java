package com.threadline.chat.thread;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** A message in OpenAI's v2 shape ({@code thread.message}). */
public record MessageView(String id, String object, long createdAt, String threadId, String status,
		@Nullable JsonNode incompleteDetails, @Nullable Long completedAt, @Nullable Long incompleteAt, String role,
		JsonNode content, @Nullable String assistantId, @Nullable String runId, JsonNode attachments,
		Map<String, String> metadata) {

	/**
	 * The prompt tokens counted for a {@code low}-detail image: OpenAI's fixed 85. Images
	 * are never downloaded to be measured.
	 */
	public static final int LOW_DETAIL_IMAGE_TOKENS = 85;

	/**
	 * The prompt tokens counted for an {@code auto}- or {@code high}-detail image:
	 * OpenAI's count for a 1024-pixel square (85 plus 170 for each of four tiles).
	 */
	public static final int IMAGE_TOKENS = 765;

	/**
	 * The prompt tokens counted for an image of this {@code detail} (as
	 * {@code Messages.promptWindow} counts them in SQL).
	 */
	public static int imageTokens(String detail) {
		return detail.equals("low") ? LOW_DETAIL_IMAGE_TOKENS : IMAGE_TOKENS;
	}

	static MessageView of(Message m) {
		return new MessageView(m.id, "thread.message", m.createdAt.getEpochSecond(), m.threadId, m.status,
				m.incompleteDetails, seconds(m.completedAt), seconds(m.incompleteAt), m.role, m.content, m.assistantId,
				m.runId, m.attachments, m.metadata);
	}

	private static @Nullable Long seconds(@Nullable Instant instant) {
		return (instant != null) ? instant.getEpochSecond() : null;
	}

	/** The concatenated text of the message's text parts. */
	public String text() {
		StringBuilder text = new StringBuilder();
		for (JsonNode part : this.content) {
			if ("text".equals(part.path("type").asString())) {
				text.append(part.path("text").path("value").asString());
			}
		}
		return text.toString();
	}

}
