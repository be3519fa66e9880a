package com.threadline.chat.tool;

/**
 * A tool call's output, as the text the model reads next.
 *
 * @param output the output (for an error, a short message the model can act on)
 * @param error whether the call failed
 */
public record ToolResult(String output, boolean error) {

	public static ToolResult ok(String output) {
		return new ToolResult(output, false);
	}

	public static ToolResult error(String message) {
		return new ToolResult(message, true);
	}

}
