package com.threadline.chat.run.engine.prompt;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import com.threadline.chat.llm.ChatMessage;
import com.threadline.chat.thread.MessageView;

/**
 * A thread's message as a prompt's message. A user message keeps its text and images in
 * order (an {@code image_file} as the URL its file resolved to); an assistant message
 * sends only its text, as chat completions takes no images from the assistant.
 */
public final class PromptHistory {

	private static final Set<String> DETAILS = Set.of("auto", "low", "high");

	private PromptHistory() {
	}

	/**
	 * The message for the model, or {@code null} when nothing of it can be sent.
	 * @param imageUrls the URL of each image file that resolved; an unresolved one is
	 * replaced by a short note
	 */
	static @Nullable ChatMessage of(MessageView message, Map<String, String> imageUrls) {
		if (!message.role().equals("user")) {
			String text = message.text();
			return text.isEmpty() ? null : ChatMessage.assistant(text, null);
		}
		List<ChatMessage.Part> parts = new ArrayList<>();
		for (JsonNode part : message.content()) {
			switch (part.path("type").asString("")) {
				case "text" -> parts.add(new ChatMessage.Part.Text(part.path("text").path("value").asString("")));
				case "image_url" ->
					parts.add(new ChatMessage.Part.Image(part.path("image_url").path("url").asString(""),
							detail(part.path("image_url"))));
				case "image_file" -> parts.add(imageFile(part.path("image_file"), imageUrls));
				default -> {
				}
			}
		}
		return parts.isEmpty() ? null : ChatMessage.user(parts);
	}

	/** The image files that the user messages of a history show, each once. */
	public static Set<String> imageFiles(List<MessageView> history, String runId) {
		Set<String> ids = new LinkedHashSet<>();
		for (MessageView message : history) {
			if (message.role().equals("user") && !runId.equals(message.runId())) {
				for (JsonNode part : message.content()) {
					String id = part.path("image_file").path("file_id").asString("");
					if (part.path("type").asString("").equals("image_file") && !id.isEmpty()) {
						ids.add(id);
					}
				}
			}
		}
		return ids;
	}

	private static ChatMessage.Part imageFile(JsonNode image, Map<String, String> imageUrls) {
		String id = image.path("file_id").asString("");
		String url = imageUrls.get(id);
		if (url == null) {
			return new ChatMessage.Part.Text(
					"[Image file '%s' is not available: it was deleted or is not a PNG, JPEG, GIF or WebP image.]"
						.formatted(id));
		}
		return new ChatMessage.Part.Image(url, detail(image));
	}

	/** The part's {@code detail}, {@code auto} when it is missing or unknown. */
	private static String detail(JsonNode image) {
		String detail = image.path("detail").asString("auto");
		return DETAILS.contains(detail) ? detail : "auto";
	}

}
