package com.threadline.chat.thread;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Whom a thread's runs act for, and the files its resources give one tool.
 *
 * @param user the end user who owns the thread, or {@code null} for the tenant's own
 * @param fileIds the thread's {@code tool_resources.<tool>.file_ids}, then the files
 * attached to its messages for that tool, oldest first, each once
 */
public record ThreadFiles(@Nullable String user, List<String> fileIds) {

	public ThreadFiles {
		fileIds = List.copyOf(fileIds);
	}

}
