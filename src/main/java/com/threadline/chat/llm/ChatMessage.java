package com.threadline.chat.llm;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A chat-completions message: {@code system}, {@code user}, {@code assistant} (possibly
 * with tool calls) or {@code tool} (a tool call's output).
 */
public record ChatMessage(String role, @Nullable String content, @Nullable List<ToolCall> toolCalls,
		@Nullable String toolCallId) {

	/** A function call the assistant made. */
	public record ToolCall(String id, String name, String arguments) {
	}

	public static ChatMessage system(String content) {
		return new ChatMessage("system", content, null, null);
	}

	public static ChatMessage user(String content) {
		return new ChatMessage("user", content, null, null);
	}

	public static ChatMessage assistant(@Nullable String content, @Nullable List<ToolCall> toolCalls) {
		return new ChatMessage("assistant", content, toolCalls, null);
	}

	public static ChatMessage tool(String toolCallId, String output) {
		return new ChatMessage("tool", output, null, toolCallId);
	}

}
