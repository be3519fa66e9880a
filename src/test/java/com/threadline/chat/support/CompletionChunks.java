package com.threadline.chat.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON OpenAI sends for one reply: {@code chat.completion.chunk} objects when
 * streaming, one {@code chat.completion} otherwise.
 */
final class CompletionChunks {

	private static final JsonMapper JSON = JsonMapper.shared();

	private final Script script;

	private final String model;

	private final boolean includeUsage;

	private final String id = "chatcmpl-" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);

	private final long created = Instant.now().getEpochSecond();

	CompletionChunks(Script script, String model, boolean includeUsage) {
		this.script = script;
		this.model = model;
		this.includeUsage = includeUsage;
	}

	/** The role-only opening chunk of a reply that starts with text, or null. */
	String opening() {
		if (this.script.text.isEmpty() && !this.script.toolCalls.isEmpty()) {
			return null;
		}
		ObjectNode delta = JSON.createObjectNode().put("role", "assistant").put("content", "").putNull("refusal");
		return chunk(delta, null);
	}

	/** The delta chunks: text pieces, then each call's first delta and its fragments. */
	List<String> deltas() {
		List<String> chunks = new ArrayList<>();
		for (String piece : this.script.text) {
			chunks.add(chunk(JSON.createObjectNode().put("content", piece), null));
		}
		boolean first = this.script.text.isEmpty();
		for (int index = 0; index < this.script.toolCalls.size(); index++) {
			Script.ToolCall call = this.script.toolCalls.get(index);
			ObjectNode delta = JSON.createObjectNode();
			if (first) {
				delta.put("role", "assistant").putNull("content");
				first = false;
			}
			ObjectNode opening = delta.putArray("tool_calls").addObject().put("index", index).put("id", call.id());
			opening.put("type", "function").putObject("function").put("name", call.name()).put("arguments", "");
			chunks.add(chunk(delta, null));
			for (String fragment : call.fragments()) {
				ObjectNode next = JSON.createObjectNode();
				next.putArray("tool_calls")
					.addObject()
					.put("index", index)
					.putObject("function")
					.put("arguments", fragment);
				chunks.add(chunk(next, null));
			}
		}
		return chunks;
	}

	/** The chunk carrying the finish reason. */
	String finish() {
		return chunk(JSON.createObjectNode(), this.script.effectiveFinishReason());
	}

	/** The usage chunk ({@code choices: []}), sent only when the request asked for it. */
	String usage() {
		ObjectNode chunk = envelope("chat.completion.chunk");
		chunk.putArray("choices");
		chunk.set("usage", usageNode());
		return JSON.writeValueAsString(chunk);
	}

	boolean includeUsage() {
		return this.includeUsage;
	}

	/** The whole reply as one {@code chat.completion}. */
	String completion() {
		ObjectNode completion = envelope("chat.completion");
		ObjectNode choice = completion.putArray("choices").addObject().put("index", 0);
		ObjectNode message = choice.putObject("message").put("role", "assistant");
		if (this.script.text.isEmpty()) {
			message.putNull("content");
		}
		else {
			message.put("content", String.join("", this.script.text));
		}
		message.putNull("refusal");
		if (!this.script.toolCalls.isEmpty()) {
			ArrayNode calls = message.putArray("tool_calls");
			for (Script.ToolCall call : this.script.toolCalls) {
				calls.addObject()
					.put("id", call.id())
					.put("type", "function")
					.putObject("function")
					.put("name", call.name())
					.put("arguments", call.arguments());
			}
		}
		choice.putNull("logprobs").put("finish_reason", this.script.effectiveFinishReason());
		completion.set("usage", usageNode());
		return JSON.writeValueAsString(completion);
	}

	private String chunk(ObjectNode delta, String finishReason) {
		ObjectNode chunk = envelope("chat.completion.chunk");
		ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
		choice.set("delta", delta);
		choice.putNull("logprobs");
		if (finishReason != null) {
			choice.put("finish_reason", finishReason);
		}
		else {
			choice.putNull("finish_reason");
		}
		if (this.includeUsage) {
			chunk.putNull("usage");
		}
		return JSON.writeValueAsString(chunk);
	}

	private ObjectNode envelope(String object) {
		return JSON.createObjectNode()
			.put("id", this.id)
			.put("object", object)
			.put("created", this.created)
			.put("model", this.model)
			.put("system_fingerprint", "fp_fake");
	}

	private ObjectNode usageNode() {
		long[] usage = this.script.effectiveUsage();
		return JSON.createObjectNode()
			.put("prompt_tokens", usage[0])
			.put("completion_tokens", usage[1])
			.put("total_tokens", usage[0] + usage[1]);
	}

}
