package com.threadline.chat.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.threadline.chat.limit.RunQuota;
import com.threadline.chat.system.ApiException;
import com.threadline.chat.system.ObjectIds;
import com.threadline.chat.tenant.Caller;
import com.threadline.chat.tenant.context.Durability;
import com.threadline.chat.thread.MessageService;
import com.threadline.chat.thread.MessageView;
import com.threadline.chat.thread.ReplyFiles;
import com.threadline.chat.thread.ThreadService;
import com.threadline.chat.tenant.TenantId;
import com.threadline.chat.thread.ThreadId;

/**
 * Every write of runs and their steps, each one short transaction that holds the run's
 * row lock where the run changes: the API's (cancel, metadata, tool outputs, through a
 * thread the caller may access, else a 404) and the engine's (when a run, a step or a
 * reply starts and ends, never per token). The engine's writes before a run pauses or
 * ends commit asynchronously ({@link Durability#ASYNC_COMMIT}): the pause or the end
 * commits synchronously, and with it everything the run wrote before. What changes is
 * said by {@link Run} and {@link RunStep}; this class loads, calls and saves.
 */
@Component
public class RunLedger {

	private final Runs runs;

	private final RunSteps steps;

	private final ThreadService threads;

	private final MessageService messages;

	private final RunQuota quota;

	private final String instance;

	RunLedger(Runs runs, RunSteps steps, ThreadService threads, MessageService messages, RunQuota quota,
			RunProperties properties) {
		this.runs = runs;
		this.steps = steps;
		this.threads = threads;
		this.messages = messages;
		this.quota = quota;
		this.instance = properties.instance();
	}

	/** A run a cancel request reached, and the status it had before. */
	record Cancelling(RunView run, RunStatus previous) {
	}

	/**
	 * A run given its tool outputs: the step they completed, and the run queued again.
	 */
	record Resumed(RunStepView step, RunView run) {
	}

	/** A run about to execute; {@code started} when it just moved to in_progress. */
	public record Begun(RunView run, boolean started) {
	}

	/** A run that ended, with the reply and the steps that ended with it. */
	public record Ended(RunView run, @Nullable MessageView message, List<RunStepView> steps) {
	}

	/** A finished reply and its completed step. */
	public record Closed(MessageView message, RunStepView step) {
	}

	@Transactional
	RunView modify(Caller caller, String threadId, String runId, @Nullable Map<String, String> metadata) {
		Run run = lock(caller, threadId, runId);
		run.modify(metadata);
		return RunView.of(run);
	}

	@Transactional
	Cancelling cancel(Caller caller, String threadId, String runId) {
		Run run = lock(caller, threadId, runId);
		RunStatus previous = run.cancel();
		return new Cancelling(RunView.of(run), previous);
	}

	/**
	 * Takes the outputs of every call the run waits for, completes their step and queues
	 * the run again, to execute on this instance.
	 */
	@Transactional
	Resumed acceptOutputs(Caller caller, String threadId, String runId, @Nullable List<ToolOutput> outputs) {
		Run run = lock(caller, threadId, runId);
		Map<String, String> byId = ToolOutputs.checked(outputs, run.pendingCalls());
		RunStep step = this.steps.findByTenantIdAndRunIdAndStatus(run.tenantId, runId, StepStatus.IN_PROGRESS)
			.stream()
			.filter(candidate -> candidate.type.equals(RunStepView.TOOL_CALLS))
			.findFirst()
			.orElseThrow(
					() -> new IllegalStateException("Run %s waits for tool outputs without a step".formatted(runId)));
		step.answer(byId);
		run.resume(this.instance);
		return new Resumed(RunStepView.of(step), RunView.of(run));
	}

	/**
	 * Moves a queued run to in_progress for {@code instance}; a cancelling one is left to
	 * end; anything else is not to be executed ({@code null}).
	 */
	@Transactional(label = Durability.ASYNC_COMMIT)
	public @Nullable Begun begin(String tenantId, String runId, String instance) {
		Run run = this.runs.lock(tenantId, runId).orElse(null);
		if (run == null || (run.status() != RunStatus.QUEUED && run.status() != RunStatus.CANCELLING)) {
			return null;
		}
		boolean starts = run.status() == RunStatus.QUEUED;
		if (starts) {
			run.begin(instance);
		}
		return new Begun(RunView.of(run), starts);
	}

	/** Opens the run's reply and the step that writes it. */
	@Transactional(label = Durability.ASYNC_COMMIT)
	public OpenMessage openMessage(String tenantId, RunView run) {
		MessageView message = this.messages.startReply(TenantId.of(tenantId), ThreadId.of(run.threadId()),
				run.assistantId(), run.id());
		RunStep step = RunStep.messageCreation(ObjectIds.next("step"), tenantId, run, message.id());
		return new OpenMessage(message, RunStepView.of(this.steps.save(step)));
	}

	@Transactional(label = Durability.ASYNC_COMMIT)
	public RunStepView openToolStep(String tenantId, RunView run) {
		return RunStepView.of(this.steps.save(RunStep.toolCalls(ObjectIds.next("step"), tenantId, run)));
	}

	/**
	 * Ends a reply (completed, or incomplete for {@code reason}) showing the files the
	 * run's tools produced for it, and completes its step.
	 */
	@Transactional(label = Durability.ASYNC_COMMIT)
	public Closed closeMessage(String tenantId, OpenMessage open, String text, @Nullable String reason,
			RunView.@Nullable Usage usage, ReplyFiles files) {
		MessageView message = this.messages.finishReply(TenantId.of(tenantId), open.message().id(), text, reason,
				files);
		RunStep step = step(tenantId, open.step().id());
		step.complete(usage);
		return new Closed(message, RunStepView.of(step));
	}

	/**
	 * Writes down the text of a reply still streaming, so that a crash keeps it; one
	 * statement, which leaves a reply that has ended alone.
	 */
	@Transactional(label = Durability.ASYNC_COMMIT)
	public void saveReply(String tenantId, OpenMessage open, String text) {
		this.messages.saveReply(TenantId.of(tenantId), open.message().id(), text);
	}

	/** Completes a tool-calls step with every call's output. */
	@Transactional(label = Durability.ASYNC_COMMIT)
	public RunStepView closeToolStep(String tenantId, String stepId, JsonNode toolCalls,
			RunView.@Nullable Usage usage) {
		RunStep step = step(tenantId, stepId);
		step.recordCalls(toolCalls);
		step.complete(usage);
		return RunStepView.of(step);
	}

	/**
	 * Pauses the run for the client's tool outputs; {@code null} when it can no longer
	 * pause (it was cancelled meanwhile).
	 */
	@Transactional
	public @Nullable RunView requireAction(String tenantId, String runId, String stepId, JsonNode toolCalls,
			JsonNode requiredAction, RunView.@Nullable Usage usage) {
		Run run = this.runs.lock(tenantId, runId).orElse(null);
		if (run == null || !run.status().canMoveTo(RunStatus.REQUIRES_ACTION)) {
			return null;
		}
		RunStep step = step(tenantId, stepId);
		step.recordCalls(toolCalls);
		step.record(usage);
		run.requireAction(requiredAction);
		return RunView.of(run);
	}

	/**
	 * Ends the run as {@code ending} says, with its reply (if one is being written), its
	 * unfinished steps, its usage, and the thread released; {@code null} when it had
	 * already ended. Without {@code open} (the run's executor is gone), a reply of the
	 * run still {@code in_progress} ends {@code incomplete} with the text last written
	 * down.
	 */
	@Transactional
	public @Nullable Ended end(String tenantId, String runId, Ending ending, @Nullable OpenMessage open, String text) {
		Run run = this.runs.lock(tenantId, runId).orElse(null);
		if (run == null || !run.status().isActive()) {
			return null;
		}
		Ending actual = run.ending(ending);
		MessageView message = (open != null)
				? this.messages.finishReply(TenantId.of(tenantId), open.message().id(), text, actual.messageReason())
				: this.messages.abandonReply(TenantId.of(tenantId), ThreadId.of(run.threadId), runId,
						actual.messageReason());
		List<RunStepView> ended = new ArrayList<>();
		RunView.Usage usage = RunView.Usage.NONE;
		for (RunStep step : this.steps.findByTenantIdAndRunIdOrderBySeqAsc(tenantId, runId)) {
			if (step.isInProgress()) {
				step.moveTo(actual.stepStatus(), actual.stepError());
				ended.add(RunStepView.of(step));
			}
			usage = usage.plus(step.usage());
		}
		run.settle(actual, usage);
		this.quota.used(tenantId, usage.promptTokens() + usage.completionTokens());
		this.threads.unlock(TenantId.of(tenantId), ThreadId.of(run.threadId), runId);
		return new Ended(RunView.of(run), message, ended);
	}

	/** The run's steps as stored, with what only the engine reads. */
	@Transactional(readOnly = true)
	public List<RunStepView> storedSteps(String tenantId, String runId) {
		return this.steps.findByTenantIdAndRunIdOrderBySeqAsc(tenantId, runId)
			.stream()
			.map(RunStepView::stored)
			.toList();
	}

	/** Marks the runs this instance executes as alive; returns those asked to cancel. */
	@Transactional(label = Durability.ASYNC_COMMIT)
	public List<String> beat(String tenantId, Collection<String> runIds) {
		this.runs.beat(tenantId, runIds, Instant.now());
		return this.runs.inStatus(tenantId, runIds, RunStatus.CANCELLING);
	}

	/** Active runs past their deadline. */
	@Transactional(readOnly = true)
	public List<String> expired(String tenantId) {
		return this.runs.expired(tenantId, RunStatus.ACTIVE, Instant.now());
	}

	/**
	 * Executing runs whose owner stopped beating before {@code staleBefore}, and with
	 * {@code includeOwn} all those recorded as {@code instance}'s.
	 */
	@Transactional(readOnly = true)
	public List<String> orphaned(String tenantId, String instance, boolean includeOwn, Instant staleBefore) {
		return this.runs.orphaned(tenantId, RunStatus.EXECUTING, instance, includeOwn, staleBefore);
	}

	private RunStep step(String tenantId, String stepId) {
		return this.steps.findById(stepId)
			.filter(step -> step.tenantId.equals(tenantId))
			.orElseThrow(() -> new IllegalStateException("No step " + stepId));
	}

	private Run lock(Caller caller, String threadId, String runId) {
		this.threads.find(caller, ThreadId.of(threadId));
		return this.runs.lock(caller.tenantId(), runId)
			.filter(run -> run.threadId.equals(threadId))
			.orElseThrow(() -> ApiException.notFound("run", runId));
	}

}
