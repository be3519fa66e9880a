package com.threadline.chat.run;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.threadline.chat.support.IntegrationTest;
import com.threadline.chat.support.RecordedRequest;
import com.threadline.chat.support.Script;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * code_interpreter through whole runs, with the real sandbox: the fake model writes the
 * code in pieces, the stream shows it as it is written and then its logs, the step
 * records it in OpenAI's shape, and the model reads the output, also after the run paused
 * for a client function.
 */
@Timeout(120)
class CodeInterpreterRunTests extends IntegrationTest {

	static final String CODE = """
			import math, statistics
			from fractions import Fraction
			print(math.factorial(20))
			print(statistics.mean([1, 2, 3, 4]))
			print(Fraction(1, 3) + Fraction(1, 6))
			print("caf\u00e9 \\u00e9")
			""";

	static final String LOGS = "2432902008176640000\n2.5\n1/2\ncafé é\n";

	static final Map<String, Object> CODE_INTERPRETER = Map.of("type", "code_interpreter");

	private RunFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new RunFixtures(this.api, "Code");
	}

	/** The arguments as a model writes them, {@code é} escaped as {@code \u00e9}. */
	static String arguments(String code) {
		return JsonMapper.shared().writeValueAsString(Map.of("code", code)).replace("é", "\\u00e9");
	}

	@Test
	void streamsTheCodeAsTheModelWritesItThenItsLogsAndTheModelReadsThem() {
		this.model.enqueue(Script.toolCalls(Script.call("call_model", "code_interpreter", arguments(CODE))),
				Script.text("20! is 2432902008176640000."));
		String assistant = this.fixtures.assistant(Map.of("tools", List.of(CODE_INTERPRETER)));
		String thread = this.fixtures.thread("What is 20 factorial?");
		List<EventStream.Event> events;
		try (EventStream stream = this.fixtures.stream("/v1/threads/" + thread + "/runs",
				Map.of("assistant_id", assistant, "stream", true))) {
			events = stream.rest();
		}
		assertThat(EventStream.names(events)).doesNotContain("thread.run.requires_action")
			.endsWith("thread.run.completed", "done");
		List<JsonNode> deltas = events.stream()
			.filter(event -> event.event().equals("thread.run.step.delta"))
			.map(event -> event.json().at("/delta/step_details/tool_calls/0"))
			.toList();
		JsonNode first = deltas.getFirst();
		String callId = first.get("id").asString();
		assertThat(callId).startsWith("call_");
		assertThat(first.get("type").asString()).isEqualTo("code_interpreter");
		assertThat(first.at("/code_interpreter/input").asString()).isEmpty();
		assertThat(first.at("/code_interpreter/outputs").isEmpty()).isTrue();
		StringBuilder input = new StringBuilder();
		for (JsonNode delta : deltas.subList(1, deltas.size() - 1)) {
			assertThat(delta.has("id")).isFalse();
			assertThat(delta.get("index").asInt()).isZero();
			assertThat(delta.get("type").asString()).isEqualTo("code_interpreter");
			assertThat(delta.get("code_interpreter").propertyNames()).containsExactlyInAnyOrder("input");
			input.append(delta.at("/code_interpreter/input").asString());
		}
		assertThat(deltas.size()).isGreaterThan(10);
		assertThat(input).hasToString(CODE);
		JsonNode outputs = deltas.getLast().at("/code_interpreter/outputs");
		assertThat(outputs).hasSize(1);
		assertThat(outputs.get(0).get("index").asInt()).isZero();
		assertThat(outputs.get(0).get("type").asString()).isEqualTo("logs");
		assertThat(outputs.get(0).get("logs").asString()).isEqualTo(LOGS);
		List<String> names = EventStream.names(events);
		assertThat(names.lastIndexOf("thread.run.step.delta")).isLessThan(names.indexOf("thread.run.step.completed"));

		String runId = events.get(events.size() - 2).json().get("id").asString();
		JsonNode steps = this.fixtures.steps(thread, runId);
		JsonNode call = steps.get(0).at("/step_details/tool_calls/0");
		assertThat(call.propertyNames()).containsExactlyInAnyOrder("id", "type", "code_interpreter");
		assertThat(call.get("id").asString()).isEqualTo(callId);
		assertThat(call.get("code_interpreter").propertyNames()).containsExactlyInAnyOrder("input", "outputs");
		assertThat(call.at("/code_interpreter/input").asString()).isEqualTo(CODE);
		assertThat(call.at("/code_interpreter/outputs")).hasSize(1);
		assertThat(call.at("/code_interpreter/outputs/0").propertyNames()).containsExactlyInAnyOrder("type", "logs");
		assertThat(call.at("/code_interpreter/outputs/0/logs").asString()).isEqualTo(LOGS);

		RecordedRequest second = this.model.requests().get(1);
		JsonNode asked = second.messages().get(second.messages().size() - 2);
		assertThat(asked.at("/tool_calls/0/id").asString()).isEqualTo(callId);
		assertThat(asked.at("/tool_calls/0/function/name").asString()).isEqualTo("code_interpreter");
		assertThat(JsonMapper.shared().readTree(asked.at("/tool_calls/0/function/arguments").asString()))
			.isEqualTo(JsonMapper.shared().createObjectNode().put("code", CODE));
		assertThat(second.lastMessage().get("role").asString()).isEqualTo("tool");
		assertThat(second.lastMessage().get("content").asString()).startsWith(LOGS);
		assertThat(this.fixtures.messages(thread).get(1).at("/content/0/text/value").asString())
			.isEqualTo("20! is 2432902008176640000.");
	}

	@Test
	void recordsAnErrorAsLogsAndTheRunGoesOn() {
		this.model.enqueue(Script.toolCalls(Script.call("call_bad", "code_interpreter", arguments("1 / 0\n"))),
				Script.text("Division by zero."));
		String assistant = this.fixtures.assistant(Map.of("tools", List.of(CODE_INTERPRETER)));
		String thread = this.fixtures.thread("Divide by zero");
		String runId = this.fixtures.run(thread, Map.of("assistant_id", assistant)).get("id").asString();
		assertThat(this.fixtures.awaitRun(thread, runId).get("status").asString()).isEqualTo("completed");
		JsonNode call = this.fixtures.steps(thread, runId).get(0).at("/step_details/tool_calls/0");
		assertThat(call.at("/code_interpreter/outputs/0/logs").asString()).contains("ZeroDivisionError");
		assertThat(this.model.lastRequest().lastMessage().get("content").asString()).contains("ZeroDivisionError");
	}

	@Test
	void theModelReadsTheCodeOutputAfterTheRunResumesFromAClientFunction() {
		this.model.enqueue(Script.toolCalls(Script.call("call_c", "code_interpreter", arguments("print(6 * 7)")),
				Script.call("call_w", "get_weather", "{\"city\":\"Paris\"}")), Script.text("42, and sunny."));
		String assistant = this.fixtures.assistant(Map.of("tools", List.of(CODE_INTERPRETER, RunFixtures.WEATHER)));
		String thread = this.fixtures.thread("Compute and check the weather");
		String runId = this.fixtures.run(thread, Map.of("assistant_id", assistant)).get("id").asString();
		JsonNode paused = this.fixtures.awaitRun(thread, runId);
		assertThat(paused.get("status").asString()).isEqualTo("requires_action");
		JsonNode pending = paused.at("/required_action/submit_tool_outputs/tool_calls");
		assertThat(pending).hasSize(1);
		assertThat(pending.at("/0/function/name").asString()).isEqualTo("get_weather");
		JsonNode waiting = this.fixtures.steps(thread, runId).get(0).at("/step_details/tool_calls/0");
		assertThat(waiting.propertyNames()).containsExactlyInAnyOrder("id", "type", "code_interpreter");
		com.threadline.chat.support.Api.post(this.fixtures.client,
				"/v1/threads/" + thread + "/runs/" + runId + "/submit_tool_outputs", Map.of("tool_outputs",
						List.of(Map.of("tool_call_id", pending.at("/0/id").asString(), "output", "22C"))),
				200);
		assertThat(this.fixtures.awaitRun(thread, runId).get("status").asString()).isEqualTo("completed");

		List<JsonNode> prompt = this.model.lastRequest().messages();
		JsonNode asked = prompt.get(prompt.size() - 3);
		String codeCall = waiting.get("id").asString();
		assertThat(asked.at("/tool_calls/0/id").asString()).isEqualTo(codeCall);
		assertThat(asked.at("/tool_calls/0/function/name").asString()).isEqualTo("code_interpreter");
		assertThat(asked.at("/tool_calls/0/function/arguments").asString()).isEqualTo("{\"code\":\"print(6 * 7)\"}");
		assertThat(prompt.get(prompt.size() - 2).get("tool_call_id").asString()).isEqualTo(codeCall);
		assertThat(prompt.get(prompt.size() - 2).get("content").asString()).startsWith("42\n");
		assertThat(prompt.getLast().get("content").asString()).isEqualTo("22C");
		JsonNode done = this.fixtures.steps(thread, runId).get(0).at("/step_details/tool_calls");
		assertThat(done.get(0).propertyNames()).containsExactlyInAnyOrder("id", "type", "code_interpreter");
		assertThat(done.get(1).at("/function/output").asString()).isEqualTo("22C");
	}

}
