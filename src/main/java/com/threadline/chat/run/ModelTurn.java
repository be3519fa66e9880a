package com.threadline.chat.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import com.threadline.chat.llm.ModelEvent;
import com.threadline.chat.system.ObjectIds;

/**
 * One model reply, turned into the run's steps and events as it streams: the first text
 * opens a {@code message_creation} step and its message, the first tool call a
 * {@code tool_calls} step; every piece becomes a delta event, in memory only. A call's
 * {@code id} and {@code name} go in its first delta only, as the SDKs merge deltas.
 */
final class ModelTurn {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final LiveRun live;

	private final RunView run;

	private final RunProgress progress;

	private final RunTools.Offered offered;

	private final StringBuilder text = new StringBuilder();

	private final List<Call> calls = new ArrayList<>();

	private final Map<Integer, Call> callsByModelIndex = new HashMap<>();

	private @Nullable OpenMessage message;

	private @Nullable RunStepView toolStep;

	private RunView.@Nullable Usage usage;

	private @Nullable String finishReason;

	/** A function call as it accumulates. */
	static final class Call {

		final String id;

		final StringBuilder name = new StringBuilder();

		final StringBuilder arguments = new StringBuilder();

		/** The code as it streams, for a call of the server's code_interpreter. */
		@Nullable CodeInput code;

		Call(String id) {
			this.id = id;
		}

	}

	ModelTurn(LiveRun live, RunView run, RunProgress progress, RunTools.Offered offered) {
		this.live = live;
		this.run = run;
		this.progress = progress;
		this.offered = offered;
	}

	/** Reads the reply to its end, or until the run is told to stop. */
	void stream(ModelCall call) throws InterruptedException {
		for (ModelEvent event = call.next(); event != null && this.live.stopped() == null; event = call.next()) {
			switch (event) {
				case ModelEvent.TextDelta delta -> text(delta.text());
				case ModelEvent.ToolCallDelta delta -> toolCall(delta);
				case ModelEvent.Usage used ->
					this.usage = new RunView.Usage(used.promptTokens(), used.completionTokens(), used.totalTokens());
				case ModelEvent.Finished finished -> this.finishReason = finished.reason();
			}
		}
		this.live.whileRunning(this::completeCode);
	}

	private void text(String piece) {
		if (piece.isEmpty()) {
			return;
		}
		this.live.whileRunning(() -> {
			boolean first = this.message == null;
			if (first) {
				this.message = this.progress.openMessage(this.live, this.run);
			}
			this.text.append(piece);
			ObjectNode value = NODES.objectNode().put("value", piece);
			if (first) {
				value.set("annotations", NODES.arrayNode());
			}
			ObjectNode part = NODES.objectNode().put("index", 0).put("type", "text").set("text", value);
			this.progress.messageDelta(this.live, this.message.message().id(),
					NODES.objectNode().set("content", NODES.arrayNode().add(part)));
		});
	}

	private void toolCall(ModelEvent.ToolCallDelta delta) {
		this.live.whileRunning(() -> {
			if (this.toolStep == null) {
				this.toolStep = this.progress.openToolStep(this.live, this.run);
			}
			Call call = this.callsByModelIndex.get(delta.index());
			if (call == null && CodeInterpreterCall.TYPE.equals(delta.name())
					&& this.offered.isServerSide(CodeInterpreterCall.TYPE)) {
				call = new Call(ObjectIds.next("call"));
				call.code = new CodeInput();
				this.calls.add(call);
				this.callsByModelIndex.put(delta.index(), call);
				call.name.append(delta.name());
				call.arguments.append(delta.arguments());
				publish(CodeInterpreterCall.opening(this.calls.size() - 1, call.id,
						call.code.append(delta.arguments())));
				return;
			}
			if (call != null && call.code != null) {
				call.arguments.append(delta.arguments());
				String piece = call.code.append(delta.arguments());
				if (!piece.isEmpty()) {
					publish(CodeInterpreterCall.input(this.calls.indexOf(call), piece));
				}
				return;
			}
			ObjectNode function = NODES.objectNode();
			ObjectNode entry = NODES.objectNode().put("index", this.calls.size());
			if (call == null) {
				call = new Call(ObjectIds.next("call"));
				this.calls.add(call);
				this.callsByModelIndex.put(delta.index(), call);
				entry.put("id", call.id);
				function.put("name", (delta.name() != null) ? delta.name() : "");
				function.put("arguments", delta.arguments());
				function.putNull("output");
			}
			else {
				entry.put("index", this.calls.indexOf(call));
				if (delta.name() != null && !delta.name().isEmpty()) {
					function.put("name", delta.name());
				}
				if (delta.arguments().isEmpty() && function.isEmpty()) {
					return;
				}
				function.put("arguments", delta.arguments());
			}
			if (delta.name() != null) {
				call.name.append(delta.name());
			}
			call.arguments.append(delta.arguments());
			entry.put("type", "function").set("function", function);
			publish(entry);
		});
	}

	/** A delta of one call of the turn's tool step. */
	private void publish(JsonNode entry) {
		this.progress.toolCallDelta(this.live, this.toolStep.id(), entry);
	}

	/**
	 * Streams what is left of each code_interpreter call's code once the reply is in, so
	 * that its input deltas add up to the code the step records.
	 */
	private void completeCode() {
		for (int i = 0; i < this.calls.size(); i++) {
			Call call = this.calls.get(i);
			if (call.code != null) {
				String rest = call.code.rest(CodeInput.of(call.arguments.toString()));
				if (!rest.isEmpty()) {
					publish(CodeInterpreterCall.input(i, rest));
				}
			}
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

	List<Call> calls() {
		return this.calls;
	}

	RunView.@Nullable Usage usage() {
		return this.usage;
	}

	/** Whether the model stopped because it ran out of completion tokens. */
	boolean truncated() {
		return "length".equals(this.finishReason);
	}

}
