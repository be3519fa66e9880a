package com.threadline.chat.llm;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import reactor.core.publisher.Mono;

/**
 * Turns the {@code data:} payloads of one streamed reply into {@link ModelEvent}s, chunk
 * by chunk, and knows whether the reply ended properly ({@code [DONE]} or a finish
 * reason).
 */
final class ChunkReader {

	static final String DONE = "[DONE]";

	private static final JsonMapper JSON = JsonMapper.shared();

	private final Endpoint endpoint;

	private boolean done;

	private boolean finished;

	ChunkReader(Endpoint endpoint) {
		this.endpoint = endpoint;
	}

	/** Whether {@code data} is the {@code [DONE]} sentinel that ends the stream. */
	static boolean isDone(String data) {
		return DONE.equals(data.strip());
	}

	/**
	 * The events one chunk carries, in order: text, tool-call deltas, finish, usage;
	 * nothing for {@code [DONE]} and whatever follows it.
	 */
	List<ModelEvent> read(String data) {
		if (this.done || isDone(data)) {
			this.done = true;
			return List.of();
		}
		JsonNode chunk = parse(data);
		if (chunk.hasNonNull("error")) {
			throw ModelFailures.streamedError(chunk.get("error"), this.endpoint);
		}
		List<ModelEvent> events = new ArrayList<>();
		JsonNode choice = chunk.path("choices").path(0);
		JsonNode delta = choice.path("delta");
		String text = delta.path("content").asString("");
		if (!text.isEmpty()) {
			events.add(new ModelEvent.TextDelta(text));
		}
		JsonNode toolCalls = delta.path("tool_calls");
		for (int position = 0; position < toolCalls.size(); position++) {
			events.add(toolCallDelta(toolCalls.get(position), position));
		}
		String reason = choice.path("finish_reason").asString("");
		if (!reason.isEmpty()) {
			this.finished = true;
			events.add(new ModelEvent.Finished(reason));
		}
		JsonNode usage = chunk.path("usage");
		if (usage.isObject()) {
			long prompt = usage.path("prompt_tokens").asLong(0);
			long completion = usage.path("completion_tokens").asLong(0);
			events
				.add(new ModelEvent.Usage(prompt, completion, usage.path("total_tokens").asLong(prompt + completion)));
		}
		return events;
	}

	/** Completes when the reply ended properly, else fails: the stream was cut short. */
	Mono<ModelEvent> end() {
		if (this.done || this.finished) {
			return Mono.empty();
		}
		return Mono.error(new ModelException(ModelException.SERVER_ERROR,
				"The model stream ended before the reply was complete."));
	}

	private static ModelEvent.ToolCallDelta toolCallDelta(JsonNode call, int position) {
		JsonNode function = call.path("function");
		return new ModelEvent.ToolCallDelta(call.path("index").asInt(position), textOrNull(call.path("id")),
				textOrNull(function.path("name")), function.path("arguments").asString(""));
	}

	private static @Nullable String textOrNull(JsonNode node) {
		String text = node.asString("");
		return text.isEmpty() ? null : text;
	}

	private static JsonNode parse(String data) {
		try {
			JsonNode chunk = JSON.readTree(data);
			if (chunk.isObject()) {
				return chunk;
			}
		}
		catch (JacksonException ex) {
			// reported below, without the payload
		}
		throw new ModelException(ModelException.SERVER_ERROR, "The model provider sent a chunk that is not JSON.");
	}

}
