package com.threadline.chat.llm;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A chat-completions message: {@code system}, {@code user}, {@code assistant} (possibly
 * with tool calls) or {@code tool} (a tool call's output).
 *
 * @param role the role
 * @param content the message's text (all of its text parts, joined)
 * @param parts the content parts, in order, of a user message that carries images; empty
 * for a message of text alone, which goes to the model as a plain string (providers that
 * read only text, such as DeepSeek, refuse an array)
 * @param toolCalls the functions an assistant message calls, or {@code null}
 * @param toolCallId the call a tool message answers, or {@code null}
 */
public record ChatMessage(String role, @Nullable String content, List<Part> parts, @Nullable List<ToolCall> toolCalls,
		@Nullable String toolCallId) {

	public ChatMessage {
		parts = List.copyOf(parts);
	}

	/** A function call the assistant made. */
	public record ToolCall(String id, String name, String arguments) {
	}

	/** A content part of a user message. */
	public sealed interface Part {

		/** Text. */
		record Text(String text) implements Part {
		}

		/**
		 * An image the provider reads from {@code url} (an {@code https} or {@code data:}
		 * URL) at {@code detail} ({@code auto}, {@code low} or {@code high}).
		 */
		record Image(String url, String detail) implements Part {
		}

	}

	public static ChatMessage system(String content) {
		return new ChatMessage("system", content, List.of(), null, null);
	}

	public static ChatMessage user(String content) {
		return new ChatMessage("user", content, List.of(), null, null);
	}

	/**
	 * A user message of text and image parts; with no image it is the same as
	 * {@link #user(String)} of its text.
	 */
	public static ChatMessage user(List<Part> parts) {
		StringBuilder text = new StringBuilder();
		boolean images = false;
		for (Part part : parts) {
			if (part instanceof Part.Text(String value)) {
				text.append(value);
			}
			images |= part instanceof Part.Image;
		}
		return new ChatMessage("user", text.toString(), images ? parts : List.of(), null, null);
	}

	public static ChatMessage assistant(@Nullable String content, @Nullable List<ToolCall> toolCalls) {
		return new ChatMessage("assistant", content, List.of(), toolCalls, null);
	}

	public static ChatMessage tool(String toolCallId, String output) {
		return new ChatMessage("tool", output, List.of(), null, toolCallId);
	}

	/** The message's images, in order. */
	public List<Part.Image> images() {
		return this.parts.stream().filter(Part.Image.class::isInstance).map(Part.Image.class::cast).toList();
	}

}
