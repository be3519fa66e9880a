package com.threadline.chat.run;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.threadline.chat.file.FileService;
import com.threadline.chat.system.ObjectIds;
import com.threadline.chat.thread.MessageService;
import com.threadline.chat.thread.MessageView;
import com.threadline.chat.thread.ReplyFiles;
import com.threadline.chat.thread.ThreadFiles;

/**
 * The engine's writes of steps and replies, one short transaction each, when a step or a
 * reply starts and when it ends. Never called per token.
 */
@Component
class StepTransitions {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final RunSteps steps;

	private final MessageService messages;

	private final FileService files;

	private final RunToolFiles toolFiles;

	private final long contextTokens;

	StepTransitions(RunSteps steps, MessageService messages, FileService files, RunToolFiles toolFiles,
			RunProperties properties) {
		this.steps = steps;
		this.messages = messages;
		this.files = files;
		this.toolFiles = toolFiles;
		this.contextTokens = properties.contextTokens();
	}

	/**
	 * What a thread and a run held when a segment of the run began: of the thread, only
	 * what the run's prompt can hold, with the URL of each of its image files that is
	 * still an image (read once per segment); the run's steps as stored (with what only
	 * the engine reads); whom its tools act for and the files they may read.
	 */
	record Context(List<MessageView> history, Map<String, String> imageUrls, List<RunStepView> steps,
			ThreadFiles files) {
	}

	/** A finished reply and its completed step. */
	record Closed(MessageView message, RunStepView step) {
	}

	@Transactional(readOnly = true)
	Context context(String tenantId, RunView run) {
		Prompt.Window window = Prompt.window(run, this.contextTokens);
		List<MessageView> history = this.messages.history(tenantId, run.threadId(), run.id(), window.tokens(),
				window.messages());
		return new Context(history, imageUrls(tenantId, PromptHistory.imageFiles(history, run.id())),
				this.steps.findByTenantIdAndRunIdOrderBySeqAsc(tenantId, run.id())
					.stream()
					.map(RunStepView::stored)
					.toList(),
				this.toolFiles.of(tenantId, run));
	}

	/** One look-up per image file; a file that is gone or not an image has no URL. */
	private Map<String, String> imageUrls(String tenantId, Set<String> fileIds) {
		Map<String, String> urls = new HashMap<>();
		for (String fileId : fileIds) {
			this.files.imageUrl(tenantId, fileId).ifPresent(url -> urls.put(fileId, url));
		}
		return urls;
	}

	@Transactional
	OpenMessage openMessage(String tenantId, RunView run) {
		MessageView message = this.messages.startReply(tenantId, run.threadId(), run.assistantId(), run.id());
		JsonNode details = NODES.objectNode()
			.put("type", RunStep.MESSAGE_CREATION)
			.set(RunStep.MESSAGE_CREATION, NODES.objectNode().put("message_id", message.id()));
		RunStep step = new RunStep(ObjectIds.next("step"), tenantId, run, RunStep.MESSAGE_CREATION, details);
		return new OpenMessage(message, RunStepView.of(this.steps.save(step)));
	}

	@Transactional
	RunStepView openToolStep(String tenantId, RunView run) {
		JsonNode details = NODES.objectNode().put("type", RunStep.TOOL_CALLS).set("tool_calls", NODES.arrayNode());
		RunStep step = new RunStep(ObjectIds.next("step"), tenantId, run, RunStep.TOOL_CALLS, details);
		return RunStepView.of(this.steps.save(step));
	}

	/**
	 * Ends a reply (completed, or incomplete for {@code reason}) showing the files the
	 * run's tools produced for it, and completes its step.
	 */
	@Transactional
	Closed closeMessage(String tenantId, OpenMessage open, String text, @Nullable String reason,
			RunView.@Nullable Usage usage, ReplyFiles files) {
		MessageView message = this.messages.finishReply(tenantId, open.message().id(), text, reason, files);
		RunStep step = RunTransitions.step(this.steps, tenantId, open.step().id());
		RunTransitions.settleStep(step, "completed", null);
		RunTransitions.record(step, usage);
		return new Closed(message, RunStepView.of(step));
	}

	/** Completes a tool-calls step with every call's output. */
	@Transactional
	RunStepView closeToolStep(String tenantId, String stepId, JsonNode toolCalls, RunView.@Nullable Usage usage) {
		RunStep step = RunTransitions.step(this.steps, tenantId, stepId);
		step.stepDetails = NODES.objectNode().put("type", RunStep.TOOL_CALLS).set("tool_calls", toolCalls);
		RunTransitions.settleStep(step, "completed", null);
		RunTransitions.record(step, usage);
		return RunStepView.of(step);
	}

}
