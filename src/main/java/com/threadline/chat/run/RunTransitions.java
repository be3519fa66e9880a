package com.threadline.chat.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.threadline.chat.limit.RunQuota;
import com.threadline.chat.thread.MessageService;
import com.threadline.chat.thread.MessageView;
import com.threadline.chat.thread.ThreadService;

/**
 * The engine's writes, one short transaction per state change, each holding the run's row
 * lock: what a run, its steps and its reply become. Never called per token.
 */
@Component
class RunTransitions {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/** The endings a cancelling run may still come to; any other makes it cancelled. */
	private static final Set<String> AFTER_CANCELLING = Set.of(RunStatus.CANCELLED, RunStatus.EXPIRED);

	private final Runs runs;

	private final RunSteps steps;

	private final MessageService messages;

	private final ThreadService threads;

	private final RunQuota quota;

	RunTransitions(Runs runs, RunSteps steps, MessageService messages, ThreadService threads, RunQuota quota) {
		this.runs = runs;
		this.steps = steps;
		this.messages = messages;
		this.threads = threads;
		this.quota = quota;
	}

	/** A run about to execute; {@code started} when it just moved to in_progress. */
	record Begun(RunView run, boolean started) {
	}

	/** A run that ended, with the reply and the steps that ended with it. */
	record Ended(RunView run, @Nullable MessageView message, List<RunStepView> steps) {
	}

	/**
	 * Moves a queued run to in_progress for {@code instance}; a cancelling one is left to
	 * end; anything else is not to be executed ({@code null}).
	 */
	@Transactional
	@Nullable Begun begin(String tenantId, String runId, String instance) {
		Run run = this.runs.lock(tenantId, runId).orElse(null);
		if (run == null) {
			return null;
		}
		if (run.status.equals(RunStatus.CANCELLING)) {
			return new Begun(RunView.of(run), false);
		}
		if (!run.status.equals(RunStatus.QUEUED)) {
			return null;
		}
		Instant now = Instant.now();
		run.status = RunStatus.IN_PROGRESS;
		run.startedAt = (run.startedAt != null) ? run.startedAt : now;
		run.ownerInstance = instance;
		run.heartbeatAt = now;
		return new Begun(RunView.of(run), true);
	}

	/**
	 * Pauses the run for the client's tool outputs; {@code null} when it can no longer
	 * pause (it was cancelled meanwhile).
	 */
	@Transactional
	@Nullable RunView requireAction(String tenantId, String runId, String stepId, JsonNode toolCalls, JsonNode requiredAction,
			RunView.@Nullable Usage usage) {
		Run run = this.runs.lock(tenantId, runId).orElse(null);
		if (run == null || !RunStatus.allows(run.status, RunStatus.REQUIRES_ACTION)) {
			return null;
		}
		RunStep step = step(this.steps, tenantId, stepId);
		step.stepDetails = NODES.objectNode().put("type", RunStep.TOOL_CALLS).set("tool_calls", toolCalls);
		record(step, usage);
		run.status = RunStatus.REQUIRES_ACTION;
		run.requiredAction = requiredAction;
		return RunView.of(run);
	}

	/**
	 * Ends the run as {@code ending} says, with its reply (if one is being written), its
	 * unfinished steps, its usage, and the thread released; {@code null} when it had
	 * already ended.
	 */
	@Transactional
	@Nullable Ended end(String tenantId, String runId, Ending ending, @Nullable OpenMessage open, String text) {
		Run run = this.runs.lock(tenantId, runId).orElse(null);
		if (run == null || !RunStatus.isActive(run.status)) {
			return null;
		}
		Ending actual = (run.status.equals(RunStatus.CANCELLING) && !AFTER_CANCELLING.contains(ending.status()))
				? Ending.cancelled() : ending;
		MessageView message = (open != null)
				? this.messages.finishReply(tenantId, open.message().id(), text, actual.messageReason()) : null;
		List<RunStepView> ended = new ArrayList<>();
		RunView.Usage usage = new RunView.Usage(0, 0, 0);
		for (RunStep step : this.steps.findByTenantIdAndRunIdOrderBySeqAsc(tenantId, runId)) {
			if (step.status.equals(RunStepView.IN_PROGRESS)) {
				settleStep(step, actual.stepStatus(), actual.stepStatus().equals("failed") ? actual.lastError() : null);
				ended.add(RunStepView.of(step));
			}
			RunView.Usage used = RunView.Usage.of(step.promptTokens, step.completionTokens, step.totalTokens);
			usage = (used != null) ? usage.plus(used) : usage;
		}
		settle(run, actual, usage);
		this.quota.used(tenantId, usage.promptTokens() + usage.completionTokens());
		this.threads.unlock(tenantId, run.threadId, runId);
		return new Ended(RunView.of(run), message, ended);
	}

	/** Marks the runs this instance executes as alive; returns those asked to cancel. */
	@Transactional
	List<String> beat(String tenantId, Collection<String> runIds) {
		this.runs.beat(tenantId, runIds, Instant.now());
		return this.runs.cancelling(tenantId, runIds);
	}

	@Transactional(readOnly = true)
	List<String> expired(String tenantId) {
		return this.runs.expired(tenantId, Instant.now());
	}

	@Transactional(readOnly = true)
	List<String> orphaned(String tenantId, String instance, boolean includeOwn, Instant staleBefore) {
		return this.runs.orphaned(tenantId, instance, includeOwn, staleBefore);
	}

	private static void settle(Run run, Ending ending, RunView.Usage usage) {
		Instant now = Instant.now();
		run.status = ending.status();
		run.requiredAction = null;
		run.lastError = ending.lastError();
		run.incompleteDetails = ending.incompleteDetails();
		run.promptTokens = usage.promptTokens();
		run.completionTokens = usage.completionTokens();
		run.totalTokens = usage.totalTokens();
		switch (ending.status()) {
			case RunStatus.COMPLETED, RunStatus.INCOMPLETE -> run.completedAt = now;
			case RunStatus.FAILED -> run.failedAt = now;
			case RunStatus.CANCELLED -> run.cancelledAt = now;
			default -> {
			}
		}
		if (!ending.status().equals(RunStatus.EXPIRED)) {
			run.expiresAt = null;
		}
	}

	static void settleStep(RunStep step, String status, @Nullable JsonNode lastError) {
		Instant now = Instant.now();
		step.status = status;
		step.lastError = lastError;
		switch (status) {
			case "completed" -> step.completedAt = now;
			case "failed" -> step.failedAt = now;
			case "cancelled" -> step.cancelledAt = now;
			case "expired" -> step.expiredAt = now;
			default -> throw new IllegalArgumentException("Not a final step status: " + status);
		}
	}

	static void record(RunStep step, RunView.@Nullable Usage usage) {
		if (usage != null) {
			step.promptTokens = usage.promptTokens();
			step.completionTokens = usage.completionTokens();
			step.totalTokens = usage.totalTokens();
		}
	}

	static RunStep step(RunSteps steps, String tenantId, String stepId) {
		return steps.findById(stepId)
			.filter(step -> step.tenantId.equals(tenantId))
			.orElseThrow(() -> new IllegalStateException("No step " + stepId));
	}

}
