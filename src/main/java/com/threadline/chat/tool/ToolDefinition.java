package com.threadline.chat.tool;

import tools.jackson.databind.JsonNode;

/**
 * What the model is told about a tool.
 *
 * @param name the function name
 * @param description what it does and how to call it
 * @param parameters the JSON schema of its arguments
 */
public record ToolDefinition(String name, String description, JsonNode parameters) {
}
