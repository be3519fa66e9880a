package com.threadline.chat.run.engine;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import com.threadline.chat.llm.ModelEvent;
import com.threadline.chat.run.OpenMessage;
import com.threadline.chat.run.RunStepView;
import com.threadline.chat.run.RunView;

/**
 * One model reply, turned into the run's steps and events as it streams: the first text
 * opens a {@code message_creation} step and its message, the first tool call a
 * {@code tool_calls} step; every piece becomes a delta event, in memory only.
 */
final class ModelTurn {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final LiveRun live;

	private final RunView run;

	private final RunProgress progress;

	private final StringBuilder text = new StringBuilder();

	private final TurnCalls calls;

	private final ReplyFlush flush;

	private @Nullable OpenMessage message;

	private @Nullable RunStepView toolStep;

	private RunView.@Nullable Usage usage;

	private @Nullable String finishReason;

	ModelTurn(LiveRun live, RunView run, RunProgress progress, RunTools.Offered offered, ReplyFlush flush) {
		this.live = live;
		this.run = run;
		this.progress = progress;
		this.calls = new TurnCalls(offered);
		this.flush = flush;
	}

	/**
	 * Reads the reply to its end, or until the run is told to stop, writing its text down
	 * as {@link ReplyFlush} says (also while the model is silent: the call wakes the
	 * reader up when text has waited the interval).
	 */
	void stream(ModelCall call) throws InterruptedException {
		for (ModelEvent event = call.next(); event != null && this.live.stopped() == null; event = call.next()) {
			switch (event) {
				case ModelEvent.TextDelta delta -> text(delta.text());
				case ModelEvent.ToolCallDelta delta -> toolCall(delta);
				case ModelEvent.Usage used ->
					this.usage = new RunView.Usage(used.promptTokens(), used.completionTokens(), used.totalTokens());
				case ModelEvent.Finished finished -> this.finishReason = finished.reason();
			}
			OpenMessage open = this.message;
			if (open != null && this.flush.due(this.text.length())) {
				String partial = this.text.toString();
				this.live.whileRunning(() -> this.progress.saveReply(this.live, open, partial));
				this.flush.written(partial.length());
			}
			else if (this.flush.startedWaiting()) {
				call.wakeAfter(this.flush.interval());
			}
		}
		this.live.whileRunning(() -> this.calls.rest().forEach(this::publish));
	}

	private void text(String piece) {
		if (piece.isEmpty()) {
			return;
		}
		this.live.whileRunning(() -> {
			boolean first = this.message == null;
			OpenMessage open = first ? this.progress.openMessage(this.live, this.run) : this.message;
			this.message = open;
			this.text.append(piece);
			ObjectNode value = NODES.objectNode().put("value", piece);
			if (first) {
				value.set("annotations", NODES.arrayNode());
			}
			ObjectNode part = NODES.objectNode().put("index", 0).put("type", "text").set("text", value);
			this.progress.messageDelta(this.live, open.message().id(),
					NODES.objectNode().set("content", NODES.arrayNode().add(part)));
		});
	}

	private void toolCall(ModelEvent.ToolCallDelta delta) {
		this.live.whileRunning(() -> {
			if (this.toolStep == null) {
				this.toolStep = this.progress.openToolStep(this.live, this.run);
			}
			JsonNode entry = this.calls.add(delta);
			if (entry != null) {
				publish(entry);
			}
		});
	}

	/** A delta of one call of the turn's tool step. */
	private void publish(JsonNode entry) {
		RunStepView step = this.toolStep;
		if (step != null) {
			this.progress.toolCallDelta(this.live, step.id(), entry);
		}
	}

	@Nullable OpenMessage message() {
		return this.message;
	}

	String text() {
		return this.text.toString();
	}

	@Nullable RunStepView toolStep() {
		return this.toolStep;
	}

	List<TurnCalls.Call> calls() {
		return this.calls.all();
	}

	RunView.@Nullable Usage usage() {
		return this.usage;
	}

	/** Whether the model stopped because it ran out of completion tokens. */
	boolean truncated() {
		return "length".equals(this.finishReason);
	}

}
