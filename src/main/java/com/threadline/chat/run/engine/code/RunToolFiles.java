package com.threadline.chat.run.engine.code;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

import com.threadline.chat.assistant.AssistantService;
import com.threadline.chat.run.RunView;
import com.threadline.chat.thread.ThreadFiles;
import com.threadline.chat.thread.ThreadService;
import com.threadline.chat.tenant.TenantId;
import com.threadline.chat.thread.ThreadId;
import com.threadline.chat.assistant.AssistantId;

/**
 * Whom a run's tools act for (the thread's user) and the files {@code code_interpreter}
 * may read: the assistant's and the thread's {@code tool_resources.code_interpreter} and
 * the thread's attachments for it. Read once per segment of a run, and only for a run
 * that has tools at all.
 */
@Component
public class RunToolFiles {

	private final ThreadService threads;

	private final AssistantService assistants;

	RunToolFiles(ThreadService threads, AssistantService assistants) {
		this.threads = threads;
		this.assistants = assistants;
	}

	public ThreadFiles of(String tenantId, RunView run) {
		if (run.tools().isEmpty()) {
			return new ThreadFiles(null, List.of());
		}
		if (!offersCode(run.tools())) {
			return this.threads.files(TenantId.of(tenantId), ThreadId.of(run.threadId()), null);
		}
		ThreadFiles thread = this.threads.files(TenantId.of(tenantId), ThreadId.of(run.threadId()),
				CodeInterpreterCall.TYPE);
		Set<String> ids = new LinkedHashSet<>(assistantFiles(tenantId, run.assistantId()));
		ids.addAll(thread.fileIds());
		return new ThreadFiles(thread.user(), List.copyOf(ids));
	}

	private List<String> assistantFiles(String tenantId, String assistantId) {
		// An assistant deleted after the run began no longer gives files.
		return this.assistants.findIfPresent(TenantId.of(tenantId), AssistantId.of(assistantId))
			.map(assistant -> assistant.toolResources().path(CodeInterpreterCall.TYPE).path("file_ids"))
			.map(ids -> ids.valueStream().filter(JsonNode::isString).map(JsonNode::asString).toList())
			.orElse(List.of());
	}

	private static boolean offersCode(JsonNode tools) {
		return tools.valueStream().anyMatch(tool -> tool.path("type").asString("").equals(CodeInterpreterCall.TYPE));
	}

}
