package com.threadline.chat.run;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

import com.threadline.chat.llm.ChatMessage;
import com.threadline.chat.llm.ModelException;
import com.threadline.chat.llm.ModelGateway;
import com.threadline.chat.llm.ModelRequest;
import com.threadline.chat.thread.ThreadFiles;
import com.threadline.chat.tool.ToolContext;

/**
 * One stretch of a run on this instance, from in_progress to an end or to
 * {@code requires_action}: model turn after model turn, server-side tools run in between,
 * within the run's token budgets and the tool-iteration limit.
 */
final class RunSegment {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final LiveRun live;

	private final RunView run;

	private final RunProgress progress;

	private final ModelGateway gateway;

	private final RunTools tools;

	private final int maxToolIterations;

	private final long contextTokens;

	private final List<ChatMessage> prompt = new ArrayList<>();

	private RunView.Usage used = new RunView.Usage(0, 0, 0);

	private int toolIterations;

	private @Nullable ModelTurn turn;

	private CodeOutputs codeOutputs = new CodeOutputs();

	private ThreadFiles files = new ThreadFiles(null, List.of());

	RunSegment(LiveRun live, RunView run, RunProgress progress, ModelGateway gateway, RunTools tools,
			int maxToolIterations, long contextTokens) {
		this.live = live;
		this.run = run;
		this.progress = progress;
		this.gateway = gateway;
		this.tools = tools;
		this.maxToolIterations = maxToolIterations;
		this.contextTokens = contextTokens;
	}

	void run() throws InterruptedException {
		StepTransitions.Context context = this.progress.context(this.live, this.run);
		this.prompt
			.addAll(Prompt.of(this.run, context.history(), context.imageUrls(), context.steps(), this.contextTokens));
		this.codeOutputs = CodeOutputs.of(context.steps());
		this.files = context.files();
		for (RunStepView step : context.steps()) {
			this.used = (step.usage() != null) ? this.used.plus(step.usage()) : this.used;
			this.toolIterations += step.type().equals(RunStep.TOOL_CALLS) ? 1 : 0;
		}
		RunTools.Offered offered = this.tools.offered(this.run.tools(), this.run.serverTools());
		boolean going = true;
		while (going) {
			Ending stop = stopOrBudget();
			if (stop != null) {
				finish(stop);
				return;
			}
			this.turn = new ModelTurn(this.live, this.run, this.progress, offered);
			try (ModelCall call = ModelCall.start(this.gateway.stream(request(offered)))) {
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
		if (stop != null) {
			return Ending.of(stop);
		}
		if (this.run.maxCompletionTokens() != null && this.used.completionTokens() >= this.run.maxCompletionTokens()) {
			return Ending.incomplete("max_completion_tokens");
		}
		if (this.run.maxPromptTokens() != null && this.used.promptTokens() >= this.run.maxPromptTokens()) {
			return Ending.incomplete("max_prompt_tokens");
		}
		return null;
	}

	/**
	 * Settles a finished model turn; returns whether the run goes on with another turn.
	 */
	private boolean afterTurn(ModelTurn turn, RunTools.Offered offered) {
		if (this.live.stopped() != null) {
			finish(stopping());
			return false;
		}
		RunView.Usage usage = (turn.usage() != null) ? turn.usage() : estimate(turn);
		this.used = this.used.plus(usage);
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
		if (turn.truncated()) {
			finish(Ending.incomplete("max_completion_tokens"));
			return false;
		}
		if (++this.toolIterations > this.maxToolIterations) {
			finish(Ending.failed("server_error",
					"The run exceeded the limit of %d tool-call turns.".formatted(this.maxToolIterations)));
			return false;
		}
		if (turn.calls().stream().anyMatch(call -> call.name.isEmpty())) {
			finish(Ending.failed("server_error", "The model called a tool without naming it."));
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
			Prompt.turn(this.prompt, round.toolCalls());
			return true;
		}
		boolean[] paused = new boolean[1];
		boolean running = this.live.whileRunning(() -> paused[0] = this.progress.requireAction(this.live, stepId,
				round.toolCalls(), round.requiredAction(), usage));
		if (!running || !paused[0]) {
			finish(stopping());
		}
		return false;
	}

	/** How the run ends now that it was told to stop (or was cancelled elsewhere). */
	private Ending stopping() {
		LiveRun.Stop stop = this.live.stopped();
		return (stop != null) ? Ending.of(stop) : Ending.cancelled();
	}

	private @Nullable OpenMessage openEmptyReply() {
		OpenMessage[] reply = new OpenMessage[1];
		this.live.whileRunning(() -> reply[0] = this.progress.openMessage(this.live, this.run));
		return reply[0];
	}

	private void finish(Ending ending) {
		ModelTurn current = this.turn;
		OpenMessage open = (current != null) ? current.message() : null;
		String text = (current != null) ? current.text() : "";
		this.live.locked(() -> this.progress.finish(this.live.tenantId, this.run.id(), ending, open, text));
	}

	private ModelRequest request(RunTools.Offered offered) {
		ArrayNode functions = offered.functions().isEmpty() ? null
				: NODES.arrayNode().addAll(offered.functions().values());
		Long maxTokens = (this.run.maxCompletionTokens() != null)
				? this.run.maxCompletionTokens() - this.used.completionTokens() : null;
		JsonNode format = this.run.responseFormat().isObject() ? this.run.responseFormat() : null;
		return new ModelRequest(this.run.model(), List.copyOf(this.prompt), functions,
				RunTools.toolChoice(this.run.toolChoice(), offered.functions()), unlessDefault(this.run.temperature()),
				unlessDefault(this.run.topP()), maxTokens, (functions != null) ? this.run.parallelToolCalls() : null,
				format);
	}

	/**
	 * A sampling setting to send, or {@code null} for OpenAI's default 1.0: the model's
	 * own default then applies, and models that take no sampling settings (reasoning
	 * models) are not refused.
	 */
	private static @Nullable Double unlessDefault(@Nullable Double value) {
		return (value != null && value == 1.0) ? null : value;
	}

	private RunView.Usage estimate(ModelTurn turn) {
		long completion = turn.text().length() / 4;
		for (ModelTurn.Call call : turn.calls()) {
			completion += (call.name.length() + call.arguments.length()) / 4;
		}
		long promptTokens = Prompt.tokens(this.prompt);
		return new RunView.Usage(promptTokens, completion, promptTokens + completion);
	}

}
