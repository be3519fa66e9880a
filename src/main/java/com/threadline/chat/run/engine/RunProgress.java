package com.threadline.chat.run.engine;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.stereotype.Component;

import com.threadline.chat.run.Ending;
import com.threadline.chat.run.OpenMessage;
import com.threadline.chat.run.RunLedger;
import com.threadline.chat.run.RunStepView;
import com.threadline.chat.run.RunView;
import com.threadline.chat.thread.ReplyFiles;

/**
 * Records what a run does and tells its followers: each change is written (when durable)
 * and then published as OpenAI's event, in the order OpenAI emitted them.
 */
@Component
public class RunProgress {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final RunLedger ledger;

	private final SegmentContexts contexts;

	private final RunEvents events;

	RunProgress(RunLedger ledger, SegmentContexts contexts, RunEvents events) {
		this.ledger = ledger;
		this.contexts = contexts;
		this.events = events;
	}

	/**
	 * Starts executing a run, with what its segment starts from; {@code null} when it is
	 * not to be executed.
	 */
	SegmentContexts.@Nullable Start begin(LiveRun live, String instance) {
		SegmentContexts.Start start = this.contexts.begin(live.tenantId, live.runId, instance);
		if (start != null && start.begun().started()) {
			publish(live, new RunEvent.RunStatusChanged(start.begun().run()));
		}
		return start;
	}

	OpenMessage openMessage(LiveRun live, RunView run) {
		OpenMessage open = this.ledger.openMessage(live.tenantId, run);
		publish(live, new RunEvent.StepCreated(open.step()));
		publish(live, new RunEvent.StepStatusChanged(open.step()));
		publish(live, new RunEvent.MessageCreated(open.message()));
		publish(live, new RunEvent.MessageStatusChanged(open.message()));
		return open;
	}

	RunStepView openToolStep(LiveRun live, RunView run) {
		RunStepView step = this.ledger.openToolStep(live.tenantId, run);
		publish(live, new RunEvent.StepCreated(step));
		publish(live, new RunEvent.StepStatusChanged(step));
		return step;
	}

	void messageDelta(LiveRun live, String messageId, JsonNode delta) {
		publish(live, new RunEvent.MessageDelta(messageId, delta));
	}

	void stepDelta(LiveRun live, String stepId, JsonNode delta) {
		publish(live, new RunEvent.StepDelta(stepId, delta));
	}

	/** A delta of one call of a tool-calls step ({@code step_details.tool_calls[0]}). */
	void toolCallDelta(LiveRun live, String stepId, JsonNode call) {
		stepDelta(live, stepId,
				NODES.objectNode()
					.set("step_details",
							NODES.objectNode()
								.put("type", RunStepView.TOOL_CALLS)
								.set("tool_calls", NODES.arrayNode().add(call))));
	}

	/** Writes down the text of a reply still streaming; no event (its deltas said it). */
	void saveReply(LiveRun live, OpenMessage open, String text) {
		this.ledger.saveReply(live.tenantId, open, text);
	}

	void closeMessage(LiveRun live, OpenMessage open, String text, @Nullable String reason,
			RunView.@Nullable Usage usage, ReplyFiles files) {
		RunLedger.Closed closed = this.ledger.closeMessage(live.tenantId, open, text, reason, usage, files);
		publish(live, new RunEvent.MessageStatusChanged(closed.message()));
		publish(live, new RunEvent.StepStatusChanged(closed.step()));
	}

	void closeToolStep(LiveRun live, String stepId, JsonNode toolCalls, RunView.@Nullable Usage usage) {
		RunStepView step = this.ledger.closeToolStep(live.tenantId, stepId, toolCalls, usage);
		publish(live, new RunEvent.StepStatusChanged(step));
	}

	/** Pauses for tool outputs; {@code false} when the run could no longer pause. */
	boolean requireAction(LiveRun live, String stepId, JsonNode toolCalls, JsonNode requiredAction,
			RunView.@Nullable Usage usage) {
		RunView run = this.ledger.requireAction(live.tenantId, live.runId, stepId, toolCalls, requiredAction, usage);
		if (run != null) {
			publish(live, new RunEvent.RunStatusChanged(run));
		}
		return run != null;
	}

	/**
	 * Publishes an event of a run executing here, and tells the run to stop when its
	 * event log has no more room for it (its closing events still fit).
	 */
	private void publish(LiveRun live, RunEvent event) {
		this.events.publish(live.runId, event);
		LiveRun.Stop overflow = this.events.overflow(live.runId);
		if (overflow != null) {
			live.stop(overflow);
		}
	}

	/**
	 * Ends a run (from any instance's point of view: live here or not), publishes how,
	 * and closes its stream with {@code done}.
	 */
	public void finish(String tenantId, String runId, Ending ending, @Nullable OpenMessage open, String text) {
		RunLedger.Ended ended = this.ledger.end(tenantId, runId, ending, open, text);
		if (ended == null) {
			this.events.close(runId);
			return;
		}
		if (ended.message() != null) {
			this.events.publish(runId, new RunEvent.MessageStatusChanged(ended.message()));
		}
		ended.steps().forEach(step -> this.events.publish(runId, new RunEvent.StepStatusChanged(step)));
		this.events.publish(runId, new RunEvent.RunStatusChanged(ended.run()));
		this.events.end(runId);
	}

}
