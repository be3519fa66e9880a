package com.threadline.chat.tool;

/**
 * A function call the model made.
 *
 * @param id the call id ({@code call_…})
 * @param name the function name
 * @param arguments the JSON arguments, as the model wrote them (possibly malformed)
 */
public record ToolCall(String id, String name, String arguments) {
}
