package com.threadline.chat.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.threadline.chat.assistant.AssistantService;
import com.threadline.chat.assistant.AssistantView;
import com.threadline.chat.limit.RunQuota;
import com.threadline.chat.modelaccess.ModelAccess;
import com.threadline.chat.system.ApiException;
import com.threadline.chat.system.Metadata;
import com.threadline.chat.tenant.Caller;
import com.threadline.chat.thread.MessageService;
import com.threadline.chat.thread.NewMessage;
import com.threadline.chat.thread.ThreadService;
import com.threadline.chat.thread.ThreadView;

/**
 * The runs API's writes, each in one transaction, always through a thread the caller may
 * access: another user's or tenant's run is a 404.
 */
@Component
class RunRecords {

	private final Runs runs;

	private final RunSteps steps;

	private final ThreadService threads;

	private final MessageService messages;

	private final AssistantService assistants;

	private final ModelAccess models;

	private final RunProperties properties;

	private final RunQuota quota;

	private final String instance;

	RunRecords(Runs runs, RunSteps steps, ThreadService threads, MessageService messages, AssistantService assistants,
			ModelAccess models, RunProperties properties, RunQuota quota) {
		this.runs = runs;
		this.steps = steps;
		this.threads = threads;
		this.messages = messages;
		this.assistants = assistants;
		this.models = models;
		this.properties = properties;
		this.quota = quota;
		this.instance = properties.instance();
	}

	/** A run a cancel request reached, and the status it had before. */
	record Cancelling(RunView run, String previous) {
	}

	/**
	 * A run given its tool outputs: the step they completed, and the run queued again.
	 */
	record Resumed(RunStepView step, RunView run) {
	}

	/** Creates a queued run {@code runId} on a thread the caller may access. */
	@Transactional
	RunView create(Caller caller, String threadId, String runId, NewRun request) {
		this.threads.find(caller, threadId);
		return insert(caller, threadId, runId, request, options(caller, request));
	}

	/** A thread made for a run, and the run. */
	record Created(ThreadView thread, RunView run) {
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

	/** Changes a run's metadata, the one thing of a run a client may change. */
	@Transactional
	RunView modify(Caller caller, String threadId, String runId, @Nullable Map<String, String> metadata) {
		Run run = lock(caller, threadId, runId);
		if (metadata != null) {
			run.metadata = Metadata.checked(metadata);
		}
		return RunView.of(run);
	}

	/**
	 * Marks a run cancelling, as OpenAI allows for queued, in_progress and
	 * requires_action.
	 */
	@Transactional
	Cancelling cancelling(Caller caller, String threadId, String runId) {
		Run run = lock(caller, threadId, runId);
		String previous = run.status;
		if (!RunStatus.isCancellable(previous)) {
			throw ApiException.invalid(null, "Cannot cancel run with status '%s'.".formatted(previous));
		}
		run.status = RunStatus.CANCELLING;
		return new Cancelling(RunView.of(run), previous);
	}

	/**
	 * Takes the outputs of every call the run waits for, completes their step and queues
	 * the run again, to execute on this instance.
	 */
	@Transactional
	Resumed acceptOutputs(Caller caller, String threadId, String runId, @Nullable List<ToolOutput> outputs) {
		Run run = lock(caller, threadId, runId);
		if (!run.status.equals(RunStatus.REQUIRES_ACTION) || run.requiredAction == null) {
			throw ApiException.invalid(null, "Runs in status \"%s\" do not accept tool outputs.".formatted(run.status));
		}
		List<String> pending = new ArrayList<>();
		run.requiredAction.path("submit_tool_outputs")
			.path("tool_calls")
			.forEach(call -> pending.add(call.path("id").asString()));
		Map<String, String> byId = ToolOutputs.checked(outputs, pending);
		RunStep step = this.steps.findByTenantIdAndRunIdAndStatus(run.tenantId, runId, RunStepView.IN_PROGRESS)
			.stream()
			.filter(candidate -> candidate.type.equals(RunStep.TOOL_CALLS))
			.findFirst()
			.orElseThrow(
					() -> new IllegalStateException("Run %s waits for tool outputs without a step".formatted(runId)));
		JsonNode details = step.stepDetails.deepCopy();
		for (JsonNode call : details.path("tool_calls")) {
			String output = byId.get(call.path("id").asString());
			if (output != null) {
				((ObjectNode) call.path("function")).put("output", output);
			}
		}
		step.stepDetails = details;
		RunTransitions.settleStep(step, "completed", null);
		run.status = RunStatus.QUEUED;
		run.requiredAction = null;
		run.ownerInstance = this.instance;
		run.heartbeatAt = Instant.now();
		return new Resumed(RunStepView.of(step), RunView.of(run));
	}

	/**
	 * The run's settings; a user token's budget within the assistant's, the model (given
	 * or the assistant's) within the tenant's allow-list.
	 */
	private RunOptions options(Caller caller, NewRun request) {
		if (request.assistantId() == null || request.assistantId().isBlank()) {
			throw ApiException.invalid("assistant_id", "Missing required parameter: 'assistant_id'.");
		}
		AssistantView assistant = this.assistants.find(caller.tenantId(), request.assistantId());
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
		this.threads.lockForRun(tenantId, threadId, runId);
		this.quota.admit(tenantId, threadId);
		for (int i = 0; i < additional.size(); i++) {
			this.messages.addForRun(caller, threadId, additional.get(i), "additional_messages[%d].".formatted(i));
		}
		Instant now = Instant.now();
		Run run = new Run(runId, tenantId, threadId, request.assistantId(), options,
				now.plus(this.properties.expiresAfter()));
		run.ownerInstance = this.instance;
		run.heartbeatAt = now;
		return RunView.of(this.runs.save(run));
	}

	private Run lock(Caller caller, String threadId, String runId) {
		this.threads.find(caller, threadId);
		return this.runs.lock(caller.tenantId(), runId)
			.filter(run -> run.threadId.equals(threadId))
			.orElseThrow(() -> ApiException.notFound("run", runId));
	}

}
