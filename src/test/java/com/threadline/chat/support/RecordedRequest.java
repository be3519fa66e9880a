package com.threadline.chat.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * A request the {@link FakeModelServer} received, for assertions and for routing.
 *
 * @param method the HTTP method
 * @param path the request path, e.g. {@code /v1/chat/completions}
 * @param headers the request headers, names in lower case
 * @param rawBody the body as sent
 * @param body the body as JSON, or a missing node when it was not JSON
 * @param outcome completes when the server is done with the request: how it ended
 * @param receivedAt when the request arrived
 */
public record RecordedRequest(String method, String path, Map<String, List<String>> headers, String rawBody,
		JsonNode body, CompletableFuture<Outcome> outcome, Instant receivedAt) {

	/** How the server finished with a request. */
	public enum Outcome {

		/** The scripted answer was sent completely. */
		COMPLETED,
		/** The script cut the connection (or sent a malformed chunk and closed). */
		CUT,
		/** The client closed the connection while the answer was being sent. */
		CLIENT_GONE,
		/** A hang or stall was ended by {@link FakeModelServer#reset()} or shutdown. */
		RELEASED

	}

	/** Matches requests whose last user message contains {@code marker}. */
	public static Predicate<RecordedRequest> lastUserMessageContains(String marker) {
		return (request) -> request.lastUserMessage().contains(marker);
	}

	/** Matches requests for {@code model}. */
	public static Predicate<RecordedRequest> model(String model) {
		return (request) -> model.equals(request.model());
	}

	/** The first value of a header, or {@code null}. */
	public @Nullable String header(String name) {
		List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
		return (values != null && !values.isEmpty()) ? values.get(0) : null;
	}

	/** The {@code Authorization} header, e.g. {@code Bearer test-key}. */
	public @Nullable String authorization() {
		return header("Authorization");
	}

	public String model() {
		return this.body.path("model").asString("");
	}

	/** Whether the client asked for a streamed reply. */
	public boolean stream() {
		return this.body.path("stream").asBoolean(false);
	}

	/** Whether the client asked for the final usage chunk. */
	public boolean includeUsage() {
		return this.body.path("stream_options").path("include_usage").asBoolean(false);
	}

	public List<JsonNode> messages() {
		List<JsonNode> messages = new ArrayList<>();
		this.body.path("messages").forEach(messages::add);
		return messages;
	}

	/** The last message of the prompt, or a missing node. */
	public JsonNode lastMessage() {
		List<JsonNode> messages = messages();
		return messages.isEmpty() ? MissingNode.getInstance() : messages.get(messages.size() - 1);
	}

	/** The text of the last {@code user} message ({@code ""} if there is none). */
	public String lastUserMessage() {
		List<JsonNode> messages = messages();
		for (int i = messages.size() - 1; i >= 0; i--) {
			if ("user".equals(messages.get(i).path("role").asString(""))) {
				return text(messages.get(i).path("content"));
			}
		}
		return "";
	}

	/** The {@code user} messages of the prompt, in order. */
	public List<JsonNode> userMessages() {
		return messages().stream().filter((m) -> "user".equals(m.path("role").asString(""))).toList();
	}

	/**
	 * A message's chat-completions content parts ({@code text} and {@code image_url}), or
	 * an empty list when its content is a plain string.
	 */
	public static List<JsonNode> contentParts(JsonNode message) {
		List<JsonNode> parts = new ArrayList<>();
		if (message.path("content").isArray()) {
			message.path("content").forEach(parts::add);
		}
		return parts;
	}

	/** The names of the function tools offered to the model. */
	public List<String> toolNames() {
		List<String> names = new ArrayList<>();
		this.body.path("tools").forEach((tool) -> names.add(tool.path("function").path("name").asString("")));
		return names;
	}

	private static String text(JsonNode content) {
		if (content.isArray()) {
			StringBuilder text = new StringBuilder();
			content.forEach((part) -> text.append(part.path("text").asString("")));
			return text.toString();
		}
		return content.asString("");
	}

}
