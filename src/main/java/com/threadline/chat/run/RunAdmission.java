package com.threadline.chat.run;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.threadline.chat.assistant.AssistantService;
import com.threadline.chat.assistant.AssistantView;
import com.threadline.chat.limit.RunQuota;
import com.threadline.chat.modelaccess.ModelAccess;
import com.threadline.chat.system.ApiException;
import com.threadline.chat.tenant.Caller;
import com.threadline.chat.thread.MessageService;
import com.threadline.chat.thread.NewMessage;
import com.threadline.chat.thread.ThreadService;
import com.threadline.chat.thread.ThreadView;
import com.threadline.chat.tenant.TenantId;
import com.threadline.chat.thread.ThreadId;
import com.threadline.chat.assistant.AssistantId;

/**
 * Admits new runs, each in one transaction with no re-read: the settings checked (the
 * assistant's, a user token's budget, the tenant's models), the thread taken, the quota
 * admitted, the additional messages and the queued run inserted.
 */
@Component
class RunAdmission {

	private final Runs runs;

	private final ThreadService threads;

	private final MessageService messages;

	private final AssistantService assistants;

	private final ModelAccess models;

	private final RunQuota quota;

	private final RunProperties properties;

	RunAdmission(Runs runs, ThreadService threads, MessageService messages, AssistantService assistants,
			ModelAccess models, RunQuota quota, RunProperties properties) {
		this.runs = runs;
		this.threads = threads;
		this.messages = messages;
		this.assistants = assistants;
		this.models = models;
		this.quota = quota;
		this.properties = properties;
	}

	/** A thread made for a run, and the run. */
	record Created(ThreadView thread, RunView run) {
	}

	/** Creates a queued run {@code runId} on a thread the caller may access. */
	@Transactional
	RunView create(Caller caller, String threadId, String runId, NewRun request) {
		this.threads.find(caller, ThreadId.of(threadId));
		return insert(caller, threadId, runId, request, options(caller, request));
	}

	/** Creates a thread and a queued run {@code runId} on it. */
	@Transactional
	Created createWithThread(Caller caller, String runId, NewThreadAndRun request) {
		NewRun run = request.run();
		RunOptions options = options(caller, run);
		NewThreadAndRun.Thread thread = (request.thread() != null) ? request.thread()
				: new NewThreadAndRun.Thread(null, null, null, null);
		JsonNode toolResources = (thread.toolResources() != null) ? thread.toolResources() : request.toolResources();
		ThreadView view = this.threads.create(caller, thread.user(), thread.metadata(), toolResources,
				thread.messages(), "thread.");
		return new Created(view, insert(caller, view.id(), runId, run, options));
	}

	/**
	 * The run's settings; a user token's budget within the assistant's, the model (given
	 * or the assistant's) within the tenant's allow-list.
	 */
	private RunOptions options(Caller caller, NewRun request) {
		if (request.assistantId() == null || request.assistantId().isBlank()) {
			throw ApiException.invalid("assistant_id", "Missing required parameter: 'assistant_id'.");
		}
		AssistantView assistant = this.assistants.find(caller.tenant(), AssistantId.of(request.assistantId()));
		UserScope.checkBudget(caller, request, assistant);
		RunOptions options = RunOptions.resolve(request, assistant);
		if (request.tools() != null) {
			this.assistants.requireAvailable(options.tools(), "tools");
		}
		this.models.check(caller.tenantId(), options.model());
		return options;
	}

	private RunView insert(Caller caller, String threadId, String runId, NewRun request, RunOptions options) {
		String tenantId = caller.tenantId();
		List<NewMessage> additional = (request.additionalMessages() != null) ? request.additionalMessages() : List.of();
		if (additional.size() > 32) {
			throw ApiException.invalid("additional_messages",
					"Invalid 'additional_messages': array too long. Expected at most 32 messages.");
		}
		this.threads.lockForRun(TenantId.of(tenantId), ThreadId.of(threadId), runId);
		this.quota.admit(tenantId, threadId);
		for (int i = 0; i < additional.size(); i++) {
			this.messages.addForRun(caller, ThreadId.of(threadId), additional.get(i),
					"additional_messages[%d].".formatted(i));
		}
		Run run = new Run(runId, tenantId, threadId, request.assistantId(), options,
				Instant.now().plus(this.properties.expiresAfter()), this.properties.instance());
		return RunView.of(this.runs.save(run));
	}

}
