package com.threadline.chat.run.engine;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

import com.threadline.chat.llm.ChatMessage;
import com.threadline.chat.run.RunStatus;
import com.threadline.chat.run.RunStepView;
import com.threadline.chat.run.RunView;

import static org.assertj.core.api.Assertions.assertThat;

/** A run's token budgets and tool-iteration limit, counted turn by turn. */
class RunBudgetTests {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	static RunView run(@Nullable Integer maxPromptTokens, @Nullable Integer maxCompletionTokens) {
		return new RunView("run_1", "thread.run", 0, "thread_1", "asst_1", RunStatus.IN_PROGRESS.wire(), null, null,
				null, null, null, null, null, null, "gpt-test", "", NODES.arrayNode(), Map.of(), null, null, null,
				maxPromptTokens, maxCompletionTokens, NODES.objectNode().put("type", "auto"), NODES.stringNode("auto"),
				NODES.stringNode("auto"), true, List.of());
	}

	private static RunStepView step(String type, RunView.@Nullable Usage usage) {
		return new RunStepView("step_1", "thread.run.step", 0, "run_1", "asst_1", "thread_1", type, "completed",
				NODES.objectNode(), null, null, null, null, 0L, Map.of(), usage);
	}

	@Test
	void endsIncompleteOnceTheCompletionBudgetIsSpent() {
		RunBudget budget = new RunBudget(run(null, 300), 10);
		budget.add(new RunView.Usage(1000, 299, 1299));
		assertThat(budget.exhausted()).isNull();
		assertThat(budget.maxTokens()).isEqualTo(1);
		budget.add(new RunView.Usage(10, 1, 11));
		assertThat(budget.exhausted().status()).isEqualTo(RunStatus.INCOMPLETE);
		assertThat(budget.exhausted().incompleteDetails().path("reason").asString()).isEqualTo("max_completion_tokens");
	}

	@Test
	void endsIncompleteOnceThePromptBudgetIsSpent() {
		RunBudget budget = new RunBudget(run(500, null), 10);
		assertThat(budget.maxTokens()).isNull();
		budget.add(new RunView.Usage(500, 3, 503));
		assertThat(budget.exhausted().incompleteDetails().path("reason").asString()).isEqualTo("max_prompt_tokens");
	}

	@Test
	void countsWhatTheStoredStepsUsedWhenARunResumes() {
		RunBudget budget = RunBudget.of(run(null, 400),
				List.of(step(RunStepView.TOOL_CALLS, new RunView.Usage(50, 150, 200)),
						step(RunStepView.MESSAGE_CREATION, null), step(RunStepView.TOOL_CALLS, null)),
				2);
		assertThat(budget.used()).isEqualTo(new RunView.Usage(50, 150, 200));
		assertThat(budget.maxTokens()).isEqualTo(250);
		assertThat(budget.exceedsToolIterations()).isTrue();
	}

	@Test
	void allowsTheConfiguredNumberOfToolTurns() {
		RunBudget budget = new RunBudget(run(null, null), 2);
		assertThat(budget.exceedsToolIterations()).isFalse();
		assertThat(budget.exceedsToolIterations()).isFalse();
		assertThat(budget.exceedsToolIterations()).isTrue();
	}

	@Test
	void estimatesATurnTheModelDidNotCount() {
		TurnCalls.Call call = new TurnCalls.Call("call_1");
		call.name.append("get_weather");
		call.arguments.append("{\"city\":\"Paris\"}");
		RunView.Usage usage = RunBudget.estimate("x".repeat(40), List.of(call),
				List.of(ChatMessage.system("y".repeat(80))));
		assertThat(usage.completionTokens()).isEqualTo(10 + (11 + 16) / 4);
		assertThat(usage.promptTokens()).isEqualTo(20 + 4);
		assertThat(usage.totalTokens()).isEqualTo(usage.promptTokens() + usage.completionTokens());
	}

}
