package com.threadline.chat.run;

import java.util.HashMap;
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

/** The runs API: validation, access, the thread lock, and what a run sends the model. */
@Timeout(60)
class RunApiTests extends IntegrationTest {

	private RunFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new RunFixtures(this.api, "RunApi");
	}

	@Test
	void rejectsInvalidParametersNamingThem() {
		String assistant = this.fixtures.assistant();
		String thread = this.fixtures.thread("hi");
		assertThat(invalid(thread, Map.of())).isEqualTo("assistant_id");
		assertThat(invalid(thread, run(assistant, "temperature", 2.5))).isEqualTo("temperature");
		assertThat(invalid(thread, run(assistant, "top_p", -0.1))).isEqualTo("top_p");
		assertThat(invalid(thread, run(assistant, "max_prompt_tokens", 100))).isEqualTo("max_prompt_tokens");
		assertThat(invalid(thread, run(assistant, "max_completion_tokens", 0))).isEqualTo("max_completion_tokens");
		assertThat(invalid(thread, run(assistant, "truncation_strategy", Map.of("type", "middle"))))
			.isEqualTo("truncation_strategy.type");
		assertThat(invalid(thread, run(assistant, "tool_choice", "sometimes"))).isEqualTo("tool_choice");
		assertThat(invalid(thread, run(assistant, "tools", List.of(Map.of("type", "browser")))))
			.isEqualTo("tools[0].type");
		assertThat(invalid(thread, run(assistant, "instructions", "x".repeat(256_001)))).isEqualTo("instructions");
		assertThat(invalid(thread, run(assistant, "response_format", "json"))).isEqualTo("response_format");
		assertThat(invalid(thread,
				run(assistant, "additional_messages", List.of(Map.of("role", "system", "content", "x")))))
			.isEqualTo("additional_messages[0].role");
		Map<String, String> metadata = new HashMap<>();
		for (int i = 0; i < 17; i++) {
			metadata.put("k" + i, "v");
		}
		assertThat(invalid(thread, run(assistant, "metadata", metadata))).isEqualTo("metadata");
		JsonNode unknown = Api.post(this.fixtures.client, "/v1/threads/" + thread + "/runs",
				Map.of("assistant_id", "asst_nope"), 404);
		assertThat(unknown.at("/error/message").asString()).isEqualTo("No assistant found with id 'asst_nope'.");
		Api.post(this.fixtures.client, "/v1/threads/thread_nope/runs", Map.of("assistant_id", assistant), 404);
		assertThat(Api.get(this.fixtures.client, "/v1/threads/" + thread, 200).get("active_run_id").isNull()).isTrue();
		assertThat(this.model.requests()).isEmpty();
	}

	@Test
	void locksTheThreadWhileARunIsActive() {
		this.model.enqueue(Script.toolCalls(Script.call("call_1", "get_weather", "{}")));
		String assistant = this.fixtures.assistant(Map.of("tools", List.of(RunFixtures.WEATHER)));
		String thread = this.fixtures.thread("hi");
		String runId = this.fixtures.run(thread, Map.of("assistant_id", assistant)).get("id").asString();
		this.fixtures.awaitRun(thread, runId);
		assertThat(Api.get(this.fixtures.client, "/v1/threads/" + thread, 200).get("active_run_id").asString())
			.isEqualTo(runId);
		JsonNode second = Api.post(this.fixtures.client, "/v1/threads/" + thread + "/runs",
				Map.of("assistant_id", assistant), 400);
		assertThat(second.at("/error/message").asString())
			.isEqualTo("Thread %s already has an active run %s.".formatted(thread, runId));
		JsonNode message = Api.post(this.fixtures.client, "/v1/threads/" + thread + "/messages",
				Map.of("role", "user", "content", "more"), 400);
		assertThat(message.at("/error/message").asString())
			.isEqualTo("Can't add messages to %s while a run %s is active.".formatted(thread, runId));
		Api.post(this.fixtures.client, "/v1/threads/" + thread + "/runs/" + runId + "/cancel", Map.of(), 200);
		assertThat(this.fixtures.awaitRun(thread, runId).get("status").asString()).isEqualTo("cancelled");
		Api.post(this.fixtures.client, "/v1/threads/" + thread + "/messages", Map.of("role", "user", "content", "more"),
				200);
	}

	@Test
	void listsGetsAndModifiesRunsAndSteps() {
		this.model.enqueue(Script.text("One."), Script.text("Two."));
		String assistant = this.fixtures.assistant();
		String thread = this.fixtures.thread("hi");
		String first = this.fixtures.run(thread, Map.of("assistant_id", assistant)).get("id").asString();
		this.fixtures.awaitRun(thread, first);
		String second = this.fixtures.run(thread, Map.of("assistant_id", assistant, "metadata", Map.of("a", "1")))
			.get("id")
			.asString();
		JsonNode done = this.fixtures.awaitRun(thread, second);
		assertThat(done.get("metadata").get("a").asString()).isEqualTo("1");
		JsonNode page = Api.get(this.fixtures.client, "/v1/threads/" + thread + "/runs?limit=1", 200);
		assertThat(page.get("object").asString()).isEqualTo("list");
		assertThat(page.at("/data/0/id").asString()).isEqualTo(second);
		assertThat(page.get("has_more").asBoolean()).isTrue();
		JsonNode next = Api.get(this.fixtures.client, "/v1/threads/" + thread + "/runs?limit=1&after=" + second, 200);
		assertThat(next.at("/data/0/id").asString()).isEqualTo(first);
		JsonNode modified = Api.post(this.fixtures.client, "/v1/threads/" + thread + "/runs/" + first,
				Map.of("metadata", Map.of("label", "kept")), 200);
		assertThat(modified.at("/metadata/label").asString()).isEqualTo("kept");
		assertThat(modified.get("status").asString()).isEqualTo("completed");
		JsonNode steps = this.fixtures.steps(thread, first);
		assertThat(steps).hasSize(1);
		JsonNode step = steps.get(0);
		assertThat(step.get("object").asString()).isEqualTo("thread.run.step");
		assertThat(step.get("type").asString()).isEqualTo("message_creation");
		assertThat(step.get("usage").get("total_tokens").asLong()).isPositive();
		String messageId = step.at("/step_details/message_creation/message_id").asString();
		JsonNode one = Api.get(this.fixtures.client,
				"/v1/threads/" + thread + "/runs/" + first + "/steps/" + step.get("id").asString(), 200);
		assertThat(one.get("id").asString()).isEqualTo(step.get("id").asString());
		JsonNode message = Api.get(this.fixtures.client, "/v1/threads/" + thread + "/messages/" + messageId, 200);
		assertThat(message.get("run_id").asString()).isEqualTo(first);
		assertThat(message.get("assistant_id").asString()).isEqualTo(assistant);
		Api.get(this.fixtures.client, "/v1/threads/" + thread + "/runs/run_nope", 404);
		Api.get(this.fixtures.client, "/v1/threads/" + thread + "/runs/" + first + "/steps/step_nope", 404);
	}

	@Test
	void hidesRunsOfOtherTenantsAndUsers() {
		this.model.enqueue(Script.text("Hi."));
		String assistant = this.fixtures.assistant();
		String alice = this.api.userToken(this.fixtures.tenant, "alice");
		String bob = this.api.userToken(this.fixtures.tenant, "bob");
		JsonNode created = Api.post(this.api.as(alice), "/v1/threads/runs", Map.of("assistant_id", assistant, "thread",
				Map.of("messages", List.of(Map.of("role", "user", "content", "hi")))), 200);
		String thread = created.get("thread_id").asString();
		String runId = created.get("id").asString();
		this.fixtures.awaitRun(thread, runId);
		String runPath = "/v1/threads/" + thread + "/runs/" + runId;
		Api.get(this.api.as(alice), runPath, 200);
		Api.get(this.api.as(bob), runPath, 404);
		Api.post(this.api.as(bob), runPath + "/cancel", Map.of(), 404);
		Api.get(this.api.as(bob), runPath + "/steps", 404);
		Api.post(this.api.as(bob), "/v1/threads/" + thread + "/runs", Map.of("assistant_id", assistant), 404);
		RunFixtures other = new RunFixtures(this.api, "Other");
		Api.get(other.client, runPath, 404);
		Api.get(other.client, "/v1/threads/" + thread + "/runs", 404);
		assertThat(Api.get(this.api.as(alice), "/v1/threads/" + thread, 200).get("user").asString()).isEqualTo("alice");
	}

	@Test
	void buildsThePromptFromInstructionsHistoryAndAdditionalMessages() {
		this.model.enqueue(Script.text("First."), Script.text("Second."));
		String assistant = this.fixtures.assistant(Map.of("instructions", "You are terse."));
		String thread = this.fixtures.thread("m1", "m2", "m3");
		String first = this.fixtures.run(thread,
				Map.of("assistant_id", assistant, "additional_instructions", "Answer in French.", "additional_messages",
						List.of(Map.of("role", "user", "content", "m4")), "temperature", 0.2, "model", "other-model"))
			.get("id")
			.asString();
		JsonNode run = this.fixtures.awaitRun(thread, first);
		assertThat(run.get("instructions").asString()).isEqualTo("You are terse.\n\nAnswer in French.");
		assertThat(run.get("model").asString()).isEqualTo("other-model");
		RecordedRequest request = this.model.lastRequest();
		assertThat(request.model()).isEqualTo("other-model");
		assertThat(request.body().get("temperature").asDouble()).isEqualTo(0.2);
		assertThat(request.messages()).extracting(m -> m.get("role").asString() + ":" + m.get("content").asString())
			.containsExactly("system:You are terse.\n\nAnswer in French.", "user:m1", "user:m2", "user:m3", "user:m4");
		String second = this.fixtures
			.run(thread, Map.of("assistant_id", assistant, "truncation_strategy",
					Map.of("type", "last_messages", "last_messages", 2)))
			.get("id")
			.asString();
		assertThat(this.fixtures.awaitRun(thread, second).at("/truncation_strategy/last_messages").asInt())
			.isEqualTo(2);
		assertThat(this.model.lastRequest().messages())
			.extracting(m -> m.get("role").asString() + ":" + m.get("content").asString())
			.containsExactly("system:You are terse.", "user:m4", "assistant:First.");
	}

	@Test
	void createsThreadAndRunWithThreadCreatedFirst() {
		this.model.enqueue(Script.text("Welcome."));
		String assistant = this.fixtures.assistant();
		List<EventStream.Event> events;
		try (EventStream stream = this.fixtures.stream("/v1/threads/runs",
				Map.of("assistant_id", assistant, "stream", true, "thread", Map.of("messages",
						List.of(Map.of("role", "user", "content", "hello")), "metadata", Map.of("k", "v"))))) {
			events = stream.rest();
		}
		assertThat(EventStream.names(events)).startsWith("thread.created", "thread.run.created")
			.endsWith("thread.run.completed", "done");
		JsonNode thread = events.get(0).json();
		assertThat(thread.get("object").asString()).isEqualTo("thread");
		assertThat(thread.at("/metadata/k").asString()).isEqualTo("v");
		assertThat(events.get(1).json().get("thread_id").asString()).isEqualTo(thread.get("id").asString());
		assertThat(this.fixtures.messages(thread.get("id").asString())).hasSize(2);
	}

	@Test
	void endsIncompleteWhenTheModelHitsMaxCompletionTokens() {
		this.model.enqueue(Script.text("A long", " story").finishReason("length").usage(20, 300));
		String assistant = this.fixtures.assistant();
		String thread = this.fixtures.thread("Tell a story");
		String runId = this.fixtures.run(thread, Map.of("assistant_id", assistant, "max_completion_tokens", 300))
			.get("id")
			.asString();
		JsonNode run = this.fixtures.awaitRun(thread, runId);
		assertThat(run.get("status").asString()).isEqualTo("incomplete");
		assertThat(run.at("/incomplete_details/reason").asString()).isEqualTo("max_completion_tokens");
		assertThat(this.model.lastRequest().body().get("max_completion_tokens").asLong()).isEqualTo(300);
		JsonNode message = this.fixtures.messages(thread).get(1);
		assertThat(message.get("status").asString()).isEqualTo("incomplete");
		assertThat(message.at("/incomplete_details/reason").asString()).isEqualTo("max_tokens");
		assertThat(message.at("/content/0/text/value").asString()).isEqualTo("A long story");
	}

	private String invalid(String thread, Map<String, Object> body) {
		JsonNode error = Api.post(this.fixtures.client, "/v1/threads/" + thread + "/runs", body, 400);
		assertThat(error.at("/error/type").asString()).isEqualTo("invalid_request_error");
		return error.at("/error/param").asString();
	}

	private static Map<String, Object> run(String assistant, String key, Object value) {
		return Map.of("assistant_id", assistant, key, value);
	}

}
