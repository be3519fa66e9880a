package com.threadline.chat.llm;

import org.jspecify.annotations.Nullable;

/** What a streamed chat completion yields, chunk by chunk. */
public sealed interface ModelEvent {

	/** A piece of the assistant's text. */
	record TextDelta(String text) implements ModelEvent {
	}

	/**
	 * A piece of a tool call: {@code id} and {@code name} come with the call's first
	 * delta only; {@code arguments} is the next fragment of its JSON arguments.
	 */
	record ToolCallDelta(int index, @Nullable String id, @Nullable String name,
			String arguments) implements ModelEvent {
	}

	/** Token usage, from the final chunk ({@code stream_options.include_usage}). */
	record Usage(long promptTokens, long completionTokens, long totalTokens) implements ModelEvent {
	}

	/**
	 * The choice's {@code finish_reason}: {@code stop}, {@code tool_calls},
	 * {@code length}, …
	 */
	record Finished(String reason) implements ModelEvent {
	}

}
