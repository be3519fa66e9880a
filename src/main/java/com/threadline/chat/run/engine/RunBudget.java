package com.threadline.chat.run.engine;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.threadline.chat.llm.ChatMessage;
import com.threadline.chat.run.Ending;
import com.threadline.chat.run.RunStepView;
import com.threadline.chat.run.RunView;
import com.threadline.chat.run.engine.prompt.Prompt;

/**
 * What a run has used of its budgets ({@code max_prompt_tokens},
 * {@code max_completion_tokens}) and of the tool-iteration limit, counted from its stored
 * steps when a segment begins and turn by turn after.
 */
final class RunBudget {

	private final RunView run;

	private final int maxToolIterations;

	private RunView.Usage used = RunView.Usage.NONE;

	private int toolIterations;

	RunBudget(RunView run, int maxToolIterations) {
		this.run = run;
		this.maxToolIterations = maxToolIterations;
	}

	/** The budget of a run that has taken {@code steps} so far. */
	static RunBudget of(RunView run, List<RunStepView> steps, int maxToolIterations) {
		RunBudget budget = new RunBudget(run, maxToolIterations);
		for (RunStepView step : steps) {
			budget.used = budget.used.plus(step.usage());
			budget.toolIterations += step.type().equals(RunStepView.TOOL_CALLS) ? 1 : 0;
		}
		return budget;
	}

	/** How the run ends for lack of tokens, or {@code null} while it may go on. */
	@Nullable Ending exhausted() {
		if (this.run.maxCompletionTokens() != null && this.used.completionTokens() >= this.run.maxCompletionTokens()) {
			return Ending.incomplete("max_completion_tokens");
		}
		if (this.run.maxPromptTokens() != null && this.used.promptTokens() >= this.run.maxPromptTokens()) {
			return Ending.incomplete("max_prompt_tokens");
		}
		return null;
	}

	/** Counts a finished model turn. */
	void add(RunView.Usage usage) {
		this.used = this.used.plus(usage);
	}

	/** Counts a turn that ended in tool calls; returns whether that was one too many. */
	boolean exceedsToolIterations() {
		return ++this.toolIterations > this.maxToolIterations;
	}

	int maxToolIterations() {
		return this.maxToolIterations;
	}

	/** The completion tokens the next turn may use, {@code null} for no limit. */
	@Nullable Long maxTokens() {
		return (this.run.maxCompletionTokens() != null) ? this.run.maxCompletionTokens() - this.used.completionTokens()
				: null;
	}

	RunView.Usage used() {
		return this.used;
	}

	/**
	 * A turn's usage when the model reported none: four characters a token of what it
	 * wrote, and the prompt as {@link Prompt#tokens} counts it.
	 */
	static RunView.Usage estimate(String text, List<TurnCalls.Call> calls, List<ChatMessage> prompt) {
		long completion = text.length() / 4;
		for (TurnCalls.Call call : calls) {
			completion += (call.name.length() + call.arguments.length()) / 4;
		}
		long promptTokens = Prompt.tokens(prompt);
		return new RunView.Usage(promptTokens, completion, promptTokens + completion);
	}

}
