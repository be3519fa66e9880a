package com.threadline.chat.run;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A step's status machine: in_progress, then one final status, checked by
 * {@link RunStep}.
 */
class RunStepStatusTests {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static RunStep step() {
		return RunStep.toolCalls("step_1", "tenant_1", RunView.of(RunStatusMachineTests.run(RunStatus.IN_PROGRESS)));
	}

	@Test
	void endsInProgressAsEveryFinalStatus() {
		for (StepStatus status : StepStatus.values()) {
			RunStep step = step();
			if (status == StepStatus.IN_PROGRESS) {
				assertThatExceptionOfType(IllegalStateException.class)
					.isThrownBy(() -> step.moveTo(StepStatus.IN_PROGRESS, null));
				continue;
			}
			step.moveTo(status, null);
			assertThat(step.status).isEqualTo(status);
			assertThat(step.isInProgress()).isFalse();
		}
	}

	@Test
	void refusesToMoveOnceEnded() {
		for (StepStatus end : new StepStatus[] { StepStatus.COMPLETED, StepStatus.FAILED, StepStatus.CANCELLED,
				StepStatus.EXPIRED }) {
			for (StepStatus next : StepStatus.values()) {
				RunStep step = step();
				step.moveTo(end, null);
				assertThatExceptionOfType(IllegalStateException.class).as("%s -> %s", end, next)
					.isThrownBy(() -> step.moveTo(next, null));
				assertThat(step.status).isEqualTo(end);
			}
		}
	}

	@Test
	void showsItsUsageOnceEnded() {
		RunStep step = step();
		step.record(new RunView.Usage(1, 2, 3));
		assertThat(RunStepView.of(step).usage()).isNull();
		step.complete(null);
		assertThat(RunStepView.of(step).usage()).isEqualTo(new RunView.Usage(1, 2, 3));
		assertThat(step.completedAt).isNotNull();
	}

	@Test
	void answersEachFunctionCallByItsId() {
		RunStep step = step();
		step.recordCalls(NODES.arrayNode()
			.add(NODES.objectNode().put("id", "call_a").set("function", NODES.objectNode().putNull("output")))
			.add(NODES.objectNode().put("id", "call_b").set("function", NODES.objectNode().putNull("output"))));
		step.answer(Map.of("call_b", "22C"));
		assertThat(step.status).isEqualTo(StepStatus.COMPLETED);
		assertThat(step.stepDetails.path("tool_calls").get(0).path("function").path("output").isNull()).isTrue();
		assertThat(step.stepDetails.path("tool_calls").get(1).path("function").path("output").asString())
			.isEqualTo("22C");
	}

}
