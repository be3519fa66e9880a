package com.threadline.chat.run;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One element of {@code tool_outputs}: the output of a function call the run asked the
 * client for.
 */
public record ToolOutput(@Nullable String toolCallId, @Nullable JsonNode output) {
}
