package com.threadline.chat.run;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

import com.threadline.chat.system.ApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The run's status machine, as OpenAI's, checked by {@link Run} itself. */
class RunStatusMachineTests {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final Map<RunStatus, Set<RunStatus>> ALLOWED = Map.of(RunStatus.QUEUED,
			EnumSet.of(RunStatus.IN_PROGRESS, RunStatus.CANCELLING, RunStatus.FAILED, RunStatus.EXPIRED),
			RunStatus.IN_PROGRESS,
			EnumSet.of(RunStatus.REQUIRES_ACTION, RunStatus.COMPLETED, RunStatus.INCOMPLETE, RunStatus.FAILED,
					RunStatus.CANCELLING, RunStatus.EXPIRED),
			RunStatus.REQUIRES_ACTION,
			EnumSet.of(RunStatus.QUEUED, RunStatus.CANCELLING, RunStatus.FAILED, RunStatus.EXPIRED),
			RunStatus.CANCELLING, EnumSet.of(RunStatus.CANCELLED, RunStatus.FAILED, RunStatus.EXPIRED));

	static Run run(RunStatus status) {
		RunOptions options = new RunOptions("gpt-test", "", NODES.arrayNode(), Map.of(), null, null, null, null,
				NODES.objectNode().put("type", "auto"), NODES.stringNode("auto"), true, NODES.stringNode("auto"),
				List.of());
		Run run = new Run("run_1", "tenant_1", "thread_1", "asst_1", options, java.time.Instant.now(), "here");
		run.status = status;
		return run;
	}

	@Test
	void movesAlongEveryAllowedTransition() {
		ALLOWED.forEach((from, targets) -> targets.forEach(to -> {
			Run run = run(from);
			run.moveTo(to);
			assertThat(run.status()).isEqualTo(to);
		}));
	}

	@Test
	void refusesEveryOtherTransition() {
		for (RunStatus from : RunStatus.values()) {
			for (RunStatus to : RunStatus.values()) {
				if (!ALLOWED.getOrDefault(from, Set.of()).contains(to)) {
					Run run = run(from);
					assertThatExceptionOfType(IllegalStateException.class).as("%s -> %s", from, to)
						.isThrownBy(() -> run.moveTo(to));
					assertThat(run.status()).isEqualTo(from);
				}
			}
		}
	}

	@Test
	void aFinalStatusIsNotActive() {
		assertThat(RunStatus.ACTIVE).containsExactlyInAnyOrder(RunStatus.QUEUED, RunStatus.IN_PROGRESS,
				RunStatus.REQUIRES_ACTION, RunStatus.CANCELLING);
		assertThat(EnumSet.complementOf(EnumSet.copyOf(RunStatus.ACTIVE))).allMatch(status -> !status.isActive());
	}

	@Test
	void readsAndWritesItsWireValue() {
		RunStatus.Column column = new RunStatus.Column();
		for (RunStatus status : RunStatus.values()) {
			assertThat(column.convertToEntityAttribute(column.convertToDatabaseColumn(status))).isEqualTo(status);
		}
		assertThat(RunStatus.REQUIRES_ACTION.wire()).isEqualTo("requires_action");
		assertThat(column.convertToDatabaseColumn(RunStatus.IN_PROGRESS)).isEqualTo("in_progress");
		assertThatThrownBy(() -> RunStatus.of("running")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void beginsOnAnInstanceKeepingTheFirstStart() {
		Run run = run(RunStatus.QUEUED);
		run.begin("instance_a");
		assertThat(run.status()).isEqualTo(RunStatus.IN_PROGRESS);
		assertThat(run.ownerInstance).isEqualTo("instance_a");
		java.time.Instant started = run.startedAt;
		assertThat(started).isNotNull();
		run.requireAction(NODES.objectNode());
		run.resume("instance_b");
		run.begin("instance_b");
		assertThat(run.startedAt).isEqualTo(started);
		assertThat(run.ownerInstance).isEqualTo("instance_b");
	}

	@Test
	void cancelsOnlyWhatOpenAiCancels() {
		for (RunStatus status : EnumSet.of(RunStatus.QUEUED, RunStatus.IN_PROGRESS, RunStatus.REQUIRES_ACTION)) {
			Run run = run(status);
			assertThat(run.cancel()).isEqualTo(status);
			assertThat(run.status()).isEqualTo(RunStatus.CANCELLING);
		}
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> run(RunStatus.COMPLETED).cancel())
			.withMessageContaining("Cannot cancel run with status 'completed'.");
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> run(RunStatus.CANCELLING).cancel());
	}

	@Test
	void aCancellingRunEndsCancelledUnlessItExpires() {
		Run run = run(RunStatus.CANCELLING);
		assertThat(run.ending(Ending.completed()).status()).isEqualTo(RunStatus.CANCELLED);
		assertThat(run.ending(Ending.failed("server_error", "x")).status()).isEqualTo(RunStatus.CANCELLED);
		assertThat(run.ending(Ending.expired()).status()).isEqualTo(RunStatus.EXPIRED);
		assertThat(run(RunStatus.IN_PROGRESS).ending(Ending.completed()).status()).isEqualTo(RunStatus.COMPLETED);
	}

	@Test
	void settlesWithItsUsageAndTheTimeOfItsEnd() {
		Run run = run(RunStatus.IN_PROGRESS);
		run.settle(Ending.incomplete("max_prompt_tokens"), new RunView.Usage(3, 4, 7));
		assertThat(run.status()).isEqualTo(RunStatus.INCOMPLETE);
		assertThat(run.completedAt).isNotNull();
		assertThat(run.expiresAt).isNull();
		assertThat(run.incompleteDetails.path("reason").asString()).isEqualTo("max_prompt_tokens");
		assertThat(RunView.of(run).usage()).isEqualTo(new RunView.Usage(3, 4, 7));
		Run expired = run(RunStatus.QUEUED);
		expired.settle(Ending.expired(), RunView.Usage.NONE);
		assertThat(expired.expiresAt).isNotNull();
		assertThat(expired.completedAt).isNull();
	}

	@Test
	void onlyARunThatRequiresActionTakesToolOutputs() {
		Run run = run(RunStatus.IN_PROGRESS);
		assertThatExceptionOfType(ApiException.class).isThrownBy(run::pendingCalls)
			.withMessageContaining("Runs in status \"in_progress\" do not accept tool outputs.");
		run.requireAction(NODES.objectNode()
			.set("submit_tool_outputs", NODES.objectNode()
				.set("tool_calls", NODES.arrayNode().add(NODES.objectNode().put("id", "call_a")))));
		assertThat(run.pendingCalls()).containsExactly("call_a");
		run.resume("here");
		assertThat(run.status()).isEqualTo(RunStatus.QUEUED);
		assertThat(run.requiredAction).isNull();
	}

}
