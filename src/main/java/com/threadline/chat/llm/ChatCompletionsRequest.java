package com.threadline.chat.llm;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON body of a streamed chat-completions request, with unset options left out.
 */
final class ChatCompletionsRequest {

	private static final JsonMapper JSON = JsonMapper.shared();

	private ChatCompletionsRequest() {
	}

	static String json(String model, ModelRequest request) {
		ObjectNode body = JSON.createObjectNode().put("model", model);
		ArrayNode messages = body.putArray("messages");
		request.messages().forEach((message) -> messages.add(message(message)));
		body.put("stream", true);
		body.putObject("stream_options").put("include_usage", true);
		putIfSet(body, "tools", request.tools());
		putIfSet(body, "tool_choice", request.toolChoice());
		if (request.temperature() != null) {
			body.put("temperature", request.temperature());
		}
		if (request.topP() != null) {
			body.put("top_p", request.topP());
		}
		if (request.maxTokens() != null) {
			// max_tokens is refused by OpenAI's reasoning models; compatible servers
			// accept
			// or ignore max_completion_tokens.
			body.put("max_completion_tokens", request.maxTokens());
		}
		if (request.parallelToolCalls() != null) {
			body.put("parallel_tool_calls", request.parallelToolCalls());
		}
		putIfSet(body, "response_format", request.responseFormat());
		return JSON.writeValueAsString(body);
	}

	private static ObjectNode message(ChatMessage message) {
		ObjectNode node = JSON.createObjectNode().put("role", message.role());
		List<ChatMessage.ToolCall> toolCalls = message.toolCalls();
		if (!message.parts().isEmpty()) {
			node.set("content", parts(message.parts()));
		}
		else if (message.content() != null) {
			node.put("content", message.content());
		}
		else {
			node.putNull("content");
		}
		if (toolCalls != null && !toolCalls.isEmpty()) {
			ArrayNode calls = node.putArray("tool_calls");
			for (ChatMessage.ToolCall call : toolCalls) {
				calls.addObject()
					.put("id", call.id())
					.put("type", "function")
					.putObject("function")
					.put("name", call.name())
					.put("arguments", call.arguments());
			}
		}
		if (message.toolCallId() != null) {
			node.put("tool_call_id", message.toolCallId());
		}
		return node;
	}

	/** Chat-completions content parts: text, and images with their detail. */
	private static ArrayNode parts(List<ChatMessage.Part> parts) {
		ArrayNode array = JSON.createArrayNode();
		for (ChatMessage.Part part : parts) {
			switch (part) {
				case ChatMessage.Part.Text(String text) -> array.addObject().put("type", "text").put("text", text);
				case ChatMessage.Part.Image(String url, String detail) -> array.addObject()
					.put("type", "image_url")
					.putObject("image_url")
					.put("url", url)
					.put("detail", detail);
			}
		}
		return array;
	}

	private static void putIfSet(ObjectNode body, String name, @Nullable JsonNode value) {
		if (value != null && !value.isNull() && !value.isMissingNode()) {
			body.set(name, value);
		}
	}

}
