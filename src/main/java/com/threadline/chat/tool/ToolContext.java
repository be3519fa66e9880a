package com.threadline.chat.tool;

/**
 * Whom a tool call acts for.
 *
 * @param tenantId the tenant whose data the tool may see, and nothing else
 * @param threadId the thread of the run
 * @param runId the run
 * @param turnId the model turn that made the call (its tool step), shared by the calls
 * the model made at once
 */
public record ToolContext(String tenantId, String threadId, String runId, String turnId) {

	/** A call outside of a model turn: a turn of its own. */
	public ToolContext(String tenantId, String threadId, String runId) {
		this(tenantId, threadId, runId, java.util.UUID.randomUUID().toString());
	}

}
