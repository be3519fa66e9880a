package com.threadline.chat.run;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import com.threadline.chat.support.Api;
import com.threadline.chat.support.IntegrationTest;
import com.threadline.chat.support.RecordedRequest;
import com.threadline.chat.support.Script;

import static org.assertj.core.api.Assertions.assertThat;

/** Function calls: client ones through requires_action, server-side ones in the loop. */
@Timeout(60)
class RunToolCallTests extends IntegrationTest {

	private RunFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new RunFixtures(this.api, "Tools");
	}

	@Test
	void pausesForClientFunctionThenResumesWithStreamedOutputs() {
		this.model.enqueue(
				Script.toolCalls(Script.callInFragments("call_model1", "get_weather", "{\"ci", "ty\":\"Paris\"}")),
				Script.text("Sunny", " in Paris."));
		String assistant = this.fixtures.assistant(Map.of("tools", List.of(RunFixtures.WEATHER)));
		String thread = this.fixtures.thread("Weather in Paris?");
		List<EventStream.Event> first;
		try (EventStream stream = this.fixtures.stream("/v1/threads/" + thread + "/runs",
				Map.of("assistant_id", assistant, "stream", true))) {
			first = stream.rest();
		}
		assertThat(EventStream.names(first)).containsExactly("thread.run.created", "thread.run.queued",
				"thread.run.in_progress", "thread.run.step.created", "thread.run.step.in_progress",
				"thread.run.step.delta", "thread.run.step.delta", "thread.run.step.delta", "thread.run.requires_action",
				"done");
		JsonNode stepCreated = first.get(3).json();
		assertThat(stepCreated.at("/step_details/type").asString()).isEqualTo("tool_calls");
		assertThat(stepCreated.at("/step_details/tool_calls").isEmpty()).isTrue();
		JsonNode firstDelta = first.get(5).json().at("/delta/step_details/tool_calls/0");
		String callId = firstDelta.get("id").asString();
		assertThat(callId).startsWith("call_");
		assertThat(firstDelta.get("index").asInt()).isZero();
		assertThat(firstDelta.get("type").asString()).isEqualTo("function");
		assertThat(firstDelta.at("/function/name").asString()).isEqualTo("get_weather");
		assertThat(firstDelta.at("/function/arguments").asString()).isEmpty();
		assertThat(firstDelta.at("/function/output").isNull()).isTrue();
		for (int i = 6; i <= 7; i++) {
			JsonNode later = first.get(i).json().at("/delta/step_details/tool_calls/0");
			assertThat(later.get("index").asInt()).isZero();
			assertThat(later.has("id")).isFalse();
			assertThat(later.at("/function").has("name")).isFalse();
		}
		assertThat(first.get(6).json().at("/delta/step_details/tool_calls/0/function/arguments").asString())
			.isEqualTo("{\"ci");
		JsonNode paused = first.get(8).json();
		String runId = paused.get("id").asString();
		JsonNode pending = paused.at("/required_action/submit_tool_outputs/tool_calls/0");
		assertThat(paused.at("/required_action/type").asString()).isEqualTo("submit_tool_outputs");
		assertThat(pending.get("id").asString()).isEqualTo(callId);
		assertThat(pending.at("/function/arguments").asString()).isEqualTo("{\"city\":\"Paris\"}");

		JsonNode locked = Api.post(this.fixtures.client, "/v1/threads/" + thread + "/messages",
				Map.of("role", "user", "content", "hi"), 400);
		assertThat(locked.at("/error/message").asString()).contains(runId);

		List<EventStream.Event> second;
		try (EventStream stream = this.fixtures.stream(
				"/v1/threads/" + thread + "/runs/" + runId + "/submit_tool_outputs",
				Map.of("tool_outputs", List.of(Map.of("tool_call_id", callId, "output", "22C")), "stream", true))) {
			second = stream.rest();
		}
		assertThat(EventStream.names(second)).containsExactly("thread.run.step.completed", "thread.run.queued",
				"thread.run.in_progress", "thread.run.step.created", "thread.run.step.in_progress",
				"thread.message.created", "thread.message.in_progress", "thread.message.delta", "thread.message.delta",
				"thread.message.completed", "thread.run.step.completed", "thread.run.completed", "done");
		assertThat(second.get(0).json().at("/step_details/tool_calls/0/function/output").asString()).isEqualTo("22C");
		assertThat(second.get(11).json().at("/usage/total_tokens").asLong()).isPositive();

		RecordedRequest resumed = this.model.lastRequest();
		List<JsonNode> prompt = resumed.messages();
		JsonNode assistantTurn = prompt.get(prompt.size() - 2);
		assertThat(assistantTurn.get("role").asString()).isEqualTo("assistant");
		assertThat(assistantTurn.at("/tool_calls/0/id").asString()).isEqualTo(callId);
		assertThat(resumed.lastMessage().get("role").asString()).isEqualTo("tool");
		assertThat(resumed.lastMessage().get("tool_call_id").asString()).isEqualTo(callId);
		assertThat(resumed.lastMessage().get("content").asString()).isEqualTo("22C");

		JsonNode steps = this.fixtures.steps(thread, runId);
		assertThat(steps).hasSize(2);
		assertThat(steps.get(0).at("/step_details/tool_calls/0/function/output").asString()).isEqualTo("22C");
		assertThat(steps.get(0).get("status").asString()).isEqualTo("completed");
		assertThat(steps.get(1).get("type").asString()).isEqualTo("message_creation");
	}

	@Test
	void resumesWithoutStreamingAfterSubmitToolOutputs() {
		this.model.enqueue(Script.toolCalls(Script.call("call_x", "get_weather", "{\"city\":\"Oslo\"}")),
				Script.text("Cold."));
		String assistant = this.fixtures.assistant(Map.of("tools", List.of(RunFixtures.WEATHER)));
		String thread = this.fixtures.thread("Weather in Oslo?");
		JsonNode created = this.fixtures.run(thread, Map.of("assistant_id", assistant));
		assertThat(created.get("status").asString()).isEqualTo("queued");
		String runId = created.get("id").asString();
		JsonNode paused = this.fixtures.awaitRun(thread, runId);
		assertThat(paused.get("status").asString()).isEqualTo("requires_action");
		String callId = paused.at("/required_action/submit_tool_outputs/tool_calls/0/id").asString();
		JsonNode submitted = Api.post(this.fixtures.client,
				"/v1/threads/" + thread + "/runs/" + runId + "/submit_tool_outputs",
				Map.of("tool_outputs", List.of(Map.of("tool_call_id", callId, "output", "-5C"))), 200);
		assertThat(submitted.get("status").asString()).isIn("queued", "in_progress");
		JsonNode done = this.fixtures.awaitRun(thread, runId);
		assertThat(done.get("status").asString()).isEqualTo("completed");
		assertThat(done.get("required_action").isNull()).isTrue();
		assertThat(this.fixtures.messages(thread).get(1).at("/content/0/text/value").asString()).isEqualTo("Cold.");
	}

	@Test
	void executesServerSideToolsInTheLoop() {
		this.model.enqueue(Script.toolCalls(Script.call("call_u", UppercaseTool.NAME, "{\"text\":\"abc\"}")),
				Script.text("It says ABC."));
		Map<String, Object> declared = Map.of("type", "function", "function",
				Map.of("name", UppercaseTool.NAME, "description", "whatever the assistant said"));
		String assistant = this.fixtures.assistant(
				Map.of("tools", List.of(declared, RunFixtures.WEATHER), "server_tools", List.of(UppercaseTool.NAME)));
		String thread = this.fixtures.thread("Shout abc");
		List<EventStream.Event> events;
		try (EventStream stream = this.fixtures.stream("/v1/threads/" + thread + "/runs",
				Map.of("assistant_id", assistant, "stream", true))) {
			events = stream.rest();
		}
		assertThat(EventStream.names(events)).doesNotContain("thread.run.requires_action")
			.endsWith("thread.run.completed", "done");
		JsonNode toolStep = events.stream()
			.filter(e -> e.event().equals("thread.run.step.completed"))
			.findFirst()
			.orElseThrow()
			.json();
		assertThat(toolStep.at("/step_details/tool_calls/0/function/output").asString()).isEqualTo("ABC");
		List<RecordedRequest> requests = this.model.requests();
		assertThat(requests).hasSize(2);
		assertThat(requests.get(0).toolNames()).containsExactly(UppercaseTool.NAME, "get_weather");
		assertThat(requests.get(0).body().at("/tools/0/function/description").asString())
			.isEqualTo("Upper-cases text (server-side test tool).");
		assertThat(requests.get(1).lastMessage().get("content").asString()).isEqualTo("ABC");
	}

	@Test
	void asksOnlyForClientCallsWhenServerAndClientCallsComeTogether() {
		this.model.enqueue(Script.toolCalls(Script.call("call_a", UppercaseTool.NAME, "{\"text\":\"x\"}"),
				Script.call("call_b", "get_weather", "{\"city\":\"Rome\"}"),
				Script.call("call_c", "get_weather", "{\"city\":\"Lima\"}")), Script.text("Both done."));
		Map<String, Object> declared = Map.of("type", "function", "function", Map.of("name", UppercaseTool.NAME));
		String assistant = this.fixtures.assistant(
				Map.of("tools", List.of(declared, RunFixtures.WEATHER), "server_tools", List.of(UppercaseTool.NAME)));
		String thread = this.fixtures.thread("Go");
		String runId = this.fixtures.run(thread, Map.of("assistant_id", assistant)).get("id").asString();
		JsonNode paused = this.fixtures.awaitRun(thread, runId);
		JsonNode pending = paused.at("/required_action/submit_tool_outputs/tool_calls");
		assertThat(pending).hasSize(2);
		String rome = pending.get(0).get("id").asString();
		String lima = pending.get(1).get("id").asString();
		String path = "/v1/threads/" + thread + "/runs/" + runId + "/submit_tool_outputs";

		JsonNode missing = Api.post(this.fixtures.client, path,
				Map.of("tool_outputs", List.of(Map.of("tool_call_id", rome, "output", "hot"))), 400);
		assertThat(missing.at("/error/message").asString()).contains(lima);
		JsonNode unknown = Api.post(this.fixtures.client, path,
				Map.of("tool_outputs", List.of(Map.of("tool_call_id", "call_nope", "output", "?"))), 400);
		assertThat(unknown.at("/error/param").asString()).isEqualTo("tool_outputs[0].tool_call_id");
		JsonNode twice = Api.post(this.fixtures.client, path, Map.of("tool_outputs",
				List.of(Map.of("tool_call_id", rome, "output", "a"), Map.of("tool_call_id", rome, "output", "b"))),
				400);
		assertThat(twice.at("/error/message").asString()).contains("duplicate");
		JsonNode notString = Api.post(this.fixtures.client, path, Map.of("tool_outputs",
				List.of(Map.of("tool_call_id", rome, "output", 42), Map.of("tool_call_id", lima, "output", "x"))), 400);
		assertThat(notString.at("/error/param").asString()).isEqualTo("tool_outputs[0].output");

		Api.post(
				this.fixtures.client, path, Map.of("tool_outputs", List
					.of(Map.of("tool_call_id", lima, "output", "mild"), Map.of("tool_call_id", rome, "output", "hot"))),
				200);
		assertThat(this.fixtures.awaitRun(thread, runId).get("status").asString()).isEqualTo("completed");
		JsonNode calls = this.fixtures.steps(thread, runId).get(0).at("/step_details/tool_calls");
		assertThat(calls).hasSize(3);
		assertThat(calls.get(0).at("/function/output").asString()).isEqualTo("X");
		assertThat(calls.get(1).at("/function/output").asString()).isEqualTo("hot");
		assertThat(calls.get(2).at("/function/output").asString()).isEqualTo("mild");
		JsonNode again = Api.post(this.fixtures.client, path,
				Map.of("tool_outputs", List.of(Map.of("tool_call_id", rome, "output", "hot"))), 400);
		assertThat(again.at("/error/message").asString())
			.isEqualTo("Runs in status \"completed\" do not accept tool outputs.");
	}

	@Test
	void failsARunThatKeepsCallingToolsPastTheLimit() {
		this.model.when(RecordedRequest.lastUserMessageContains("loop"),
				Script.toolCalls(Script.call("call_l", UppercaseTool.NAME, "{\"text\":\"again\"}")));
		Map<String, Object> declared = Map.of("type", "function", "function", Map.of("name", UppercaseTool.NAME));
		String assistant = this.fixtures
			.assistant(Map.of("tools", List.of(declared), "server_tools", List.of(UppercaseTool.NAME)));
		String thread = this.fixtures.thread("loop forever");
		String runId = this.fixtures.run(thread, Map.of("assistant_id", assistant)).get("id").asString();
		JsonNode run = this.fixtures.awaitRun(thread, runId);
		assertThat(run.get("status").asString()).isEqualTo("failed");
		assertThat(run.at("/last_error/message").asString()).contains("10 tool-call turns");
		assertThat(this.model.requests()).hasSize(11);
		JsonNode steps = this.fixtures.steps(thread, runId);
		assertThat(steps).hasSize(11);
		assertThat(steps.get(10).get("status").asString()).isEqualTo("failed");
	}

	@Test
	void endsIncompleteWhenThePromptBudgetIsSpent() {
		this.model.enqueue(
				Script.toolCalls(Script.call("call_p", UppercaseTool.NAME, "{\"text\":\"a\"}")).usage(300, 5),
				Script.text("unreachable"));
		Map<String, Object> declared = Map.of("type", "function", "function", Map.of("name", UppercaseTool.NAME));
		String assistant = this.fixtures
			.assistant(Map.of("tools", List.of(declared), "server_tools", List.of(UppercaseTool.NAME)));
		String thread = this.fixtures.thread("spend");
		String runId = this.fixtures.run(thread, Map.of("assistant_id", assistant, "max_prompt_tokens", 256))
			.get("id")
			.asString();
		JsonNode run = this.fixtures.awaitRun(thread, runId);
		assertThat(run.get("status").asString()).isEqualTo("incomplete");
		assertThat(run.at("/incomplete_details/reason").asString()).isEqualTo("max_prompt_tokens");
		assertThat(run.at("/usage/prompt_tokens").asLong()).isEqualTo(300);
		assertThat(this.model.requests()).hasSize(1);
	}

}
