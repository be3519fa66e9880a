package com.threadline.chat.tool;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Whom a tool call acts for.
 *
 * @param tenantId the tenant whose data the tool may see, and nothing else
 * @param threadId the thread of the run
 * @param runId the run
 * @param turnId the model turn that made the call (its tool step), shared by the calls
 * the model made at once
 * @param user the end user who owns the thread, or {@code null} for a thread of the
 * tenant's own
 * @param fileIds the Files the run's tools may read (the assistant's and the thread's
 * {@code tool_resources}, and the thread's message attachments for this tool)
 */
public record ToolContext(String tenantId, String threadId, String runId, String turnId, @Nullable String user,
		List<String> fileIds) {

	public ToolContext {
		fileIds = List.copyOf(fileIds);
	}

	/** A call of a model turn, with no user and no files. */
	public ToolContext(String tenantId, String threadId, String runId, String turnId) {
		this(tenantId, threadId, runId, turnId, null, List.of());
	}

	/** A call outside of a model turn: a turn of its own. */
	public ToolContext(String tenantId, String threadId, String runId) {
		this(tenantId, threadId, runId, UUID.randomUUID().toString());
	}

}
