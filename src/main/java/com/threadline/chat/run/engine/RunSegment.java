package com.threadline.chat.run.engine;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.threadline.chat.llm.ChatMessage;
import com.threadline.chat.llm.ModelException;
import com.threadline.chat.llm.ModelGateway;
import com.threadline.chat.llm.ModelRequest;
import com.threadline.chat.run.Ending;
import com.threadline.chat.run.OpenMessage;
import com.threadline.chat.run.RunProperties;
import com.threadline.chat.run.RunStepView;
import com.threadline.chat.run.RunView;
import com.threadline.chat.run.engine.code.CodeOutputs;
import com.threadline.chat.run.engine.prompt.Prompt;
import com.threadline.chat.run.engine.prompt.Transcript;
import com.threadline.chat.thread.ThreadFiles;
import com.threadline.chat.tool.ToolContext;

/**
 * One stretch of a run on this instance, from in_progress to an end or to
 * {@code requires_action}: model turn after model turn, server-side tools run in between,
 * within the run's token budgets and the tool-iteration limit.
 */
final class RunSegment {

	private final LiveRun live;

	private final RunView run;

	private final RunProgress progress;

	private final ModelGateway gateway;

	private final RunTools tools;

	private final RunProperties properties;

	private final int maxToolIterations;

	private final List<ChatMessage> prompt = new ArrayList<>();

	private RunBudget budget;

	private @Nullable ModelTurn turn;

	private CodeOutputs codeOutputs = new CodeOutputs();

	private ThreadFiles files = new ThreadFiles(null, List.of());

	RunSegment(LiveRun live, RunView run, RunProgress progress, ModelGateway gateway, RunTools tools,
			RunProperties properties) {
		this.live = live;
		this.run = run;
		this.progress = progress;
		this.gateway = gateway;
		this.tools = tools;
		this.properties = properties;
		this.maxToolIterations = properties.maxToolIterations();
		this.budget = new RunBudget(run, this.maxToolIterations);
	}

	/** Executes the segment from {@code context}, read when the run began. */
	void run(SegmentContexts.Context context) throws InterruptedException {
		this.prompt.addAll(Prompt.of(this.run, context.history(), context.imageUrls(), context.steps(),
				this.properties.contextTokens()));
		this.codeOutputs = CodeOutputs.of(context.steps());
		this.files = context.files();
		this.budget = RunBudget.of(this.run, context.steps(), this.maxToolIterations);
		RunTools.Offered offered = this.tools.offered(this.run.tools(), this.run.serverTools());
		boolean going = true;
		while (going) {
			Ending stop = stopOrBudget();
			if (stop != null) {
				finish(stop);
				return;
			}
			this.turn = new ModelTurn(this.live, this.run, this.progress, offered,
					new ReplyFlush(this.properties.replyFlushInterval(), this.properties.replyFlushChars()));
			ModelRequest request = TurnRequest.of(this.run, this.prompt, offered, this.budget.maxTokens());
			try (ModelCall call = ModelCall.start(this.gateway.stream(request))) {
				this.live.attach(call);
				this.turn.stream(call);
			}
			catch (ModelException ex) {
				finish(Ending.failed(ex.code(), ex.getMessage()));
				return;
			}
			finally {
				this.live.attach(null);
			}
			going = afterTurn(this.turn, offered);
		}
	}

	/** The turn being streamed, if any: its reply is kept when the run ends abruptly. */
	@Nullable ModelTurn turn() {
		return this.turn;
	}

	private @Nullable Ending stopOrBudget() {
		LiveRun.Stop stop = this.live.stopped();
		return (stop != null) ? stop.ending() : this.budget.exhausted();
	}

	/**
	 * Settles a finished model turn; returns whether the run goes on with another turn.
	 */
	private boolean afterTurn(ModelTurn turn, RunTools.Offered offered) {
		if (this.live.stopped() != null) {
			finish(stopping());
			return false;
		}
		RunView.Usage usage = (turn.usage() != null) ? turn.usage()
				: RunBudget.estimate(turn.text(), turn.calls(), this.prompt);
		this.budget.add(usage);
		if (turn.calls().isEmpty()) {
			OpenMessage reply = (turn.message() != null) ? turn.message() : openEmptyReply();
			String reason = turn.truncated() ? "max_tokens" : null;
			if (reply == null || !this.live.whileRunning(() -> this.progress.closeMessage(this.live, reply, turn.text(),
					reason, usage, this.codeOutputs.forReply()))) {
				finish(stopping());
				return false;
			}
			this.turn = null;
			finish(turn.truncated() ? Ending.incomplete("max_completion_tokens") : Ending.completed());
			return false;
		}
		return afterToolCalls(turn, offered, usage);
	}

	private boolean afterToolCalls(ModelTurn turn, RunTools.Offered offered, RunView.Usage usage) {
		Ending refused = refused(turn);
		if (refused != null) {
			finish(refused);
			return false;
		}
		OpenMessage reply = turn.message();
		if (reply != null && !this.live.whileRunning(() -> this.progress.closeMessage(this.live, reply, turn.text(),
				null, null, this.codeOutputs.forReply()))) {
			finish(stopping());
			return false;
		}
		this.turn = null;
		String stepId = turn.toolStep().id();
		ToolCallRound round = ToolCallRound.execute(turn.calls(), this.tools, offered,
				new ToolContext(this.live.tenantId, this.run.threadId(), this.run.id(), stepId, this.files.user(),
						this.files.fileIds()));
		this.codeOutputs.add(round.toolCalls());
		if (!this.live.whileRunning(
				() -> round.outputDeltas().forEach(delta -> this.progress.toolCallDelta(this.live, stepId, delta)))) {
			finish(stopping());
			return false;
		}
		if (!round.waitsForClient()) {
			if (!this.live
				.whileRunning(() -> this.progress.closeToolStep(this.live, stepId, round.toolCalls(), usage))) {
				finish(stopping());
				return false;
			}
			Transcript.turn(this.prompt, round.toolCalls());
			return true;
		}
		boolean paused = this.live.whileRunning(
				() -> this.progress.requireAction(this.live, stepId, round.toolCalls(), round.requiredAction(), usage))
			.orElse(false);
		if (!paused) {
			finish(stopping());
		}
		return false;
	}

	/** How a turn that ended in tool calls ends the run instead, if it does. */
	private @Nullable Ending refused(ModelTurn turn) {
		if (turn.truncated()) {
			return Ending.incomplete("max_completion_tokens");
		}
		if (this.budget.exceedsToolIterations()) {
			return Ending.failed("server_error",
					"The run exceeded the limit of %d tool-call turns.".formatted(this.maxToolIterations));
		}
		if (turn.calls().stream().anyMatch(call -> call.name.isEmpty())) {
			return Ending.failed("server_error", "The model called a tool without naming it.");
		}
		return null;
	}

	/** How the run ends now that it was told to stop (or was cancelled elsewhere). */
	private Ending stopping() {
		LiveRun.Stop stop = this.live.stopped();
		return (stop != null) ? stop.ending() : Ending.cancelled();
	}

	private @Nullable OpenMessage openEmptyReply() {
		return this.live.whileRunning(() -> this.progress.openMessage(this.live, this.run)).orElse(null);
	}

	private void finish(Ending ending) {
		ModelTurn current = this.turn;
		OpenMessage open = (current != null) ? current.message() : null;
		String text = (current != null) ? current.text() : "";
		this.live.locked(() -> this.progress.finish(this.live.tenantId, this.run.id(), ending, open, text));
	}

}
