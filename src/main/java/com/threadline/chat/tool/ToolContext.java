package com.threadline.chat.tool;

/**
 * Whom a tool call acts for.
 *
 * @param tenantId the tenant whose data the tool may see, and nothing else
 * @param threadId the thread of the run
 * @param runId the run
 */
public record ToolContext(String tenantId, String threadId, String runId) {
}
