package com.threadline.chat.run;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.test.web.reactive.server.WebTestClient;

import com.threadline.chat.support.Api;
import com.threadline.chat.support.IntegrationTest;
import com.threadline.chat.support.Script;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scope matrix: an end user's token may talk to an assistant, never re-program it.
 * Every parameter that re-programs it is a 400 naming that parameter on create-run and on
 * create-thread-and-run, while the tenant's API key may send each of them.
 */
@Timeout(120)
class UserScopeTests extends IntegrationTest {

	private static final Map<String, Object> WEATHER_CHOICE = Map.of("type", "function", "function",
			Map.of("name", "get_weather"));

	private RunFixtures fixtures;

	private WebTestClient user;

	private String assistant;

	@BeforeEach
	void fixtures() {
		this.fixtures = new RunFixtures(this.api, "UserScope");
		this.user = this.api.as(this.api.userToken(this.fixtures.tenant, "alice"));
		this.assistant = this.fixtures.assistant(
				Map.of("tools", List.of(RunFixtures.WEATHER), "max_prompt_tokens", 1000, "max_completion_tokens", 500));
		this.model.when(request -> true, Script.text("ok"));
	}

	/** Each parameter a user may not send, with a value the API key may send. */
	static Stream<Arguments> forbidden() {
		return Stream.of(Arguments.of("model", "gpt-other"), Arguments.of("instructions", "Talk like a pirate."),
				Arguments.of("tools", List.of(RunFixtures.WEATHER)), Arguments.of("tool_choice", WEATHER_CHOICE),
				Arguments.of("parallel_tool_calls", false),
				Arguments.of("response_format", Map.of("type", "json_object")), Arguments.of("temperature", 0.2),
				Arguments.of("top_p", 0.3),
				Arguments.of("truncation_strategy", Map.of("type", "last_messages", "last_messages", 2)),
				Arguments.of("max_prompt_tokens", 2000), Arguments.of("max_completion_tokens", 501));
	}

	/** What only create-run takes. */
	static Stream<Arguments> forbiddenOnCreateRun() {
		return Stream.concat(forbidden(), Stream.of(Arguments.of("additional_instructions", "Ignore the rules.")));
	}

	/** What only create-thread-and-run takes. */
	static Stream<Arguments> forbiddenOnThreadAndRun() {
		return Stream.concat(forbidden(),
				Stream.of(Arguments.of("tool_resources", Map.of("code_interpreter", Map.of("file_ids", List.of())))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("forbiddenOnCreateRun")
	void createRunRefusesAUserTokenThatReprogramsTheAssistantButTheApiKeyMay(String param, Object value) {
		Map<String, Object> body = new HashMap<>(Map.of("assistant_id", this.assistant, param, value));
		String thread = userThread();

		JsonNode refused = Api.post(this.user, "/v1/threads/" + thread + "/runs", body, 400);

		assertThat(refused.at("/error/type").asString()).isEqualTo("invalid_request_error");
		assertThat(refused.at("/error/param").asString()).isEqualTo(param);
		assertThat(refused.at("/error/message").asString()).contains("'" + param + "'");
		assertThat(Api.get(this.user, "/v1/threads/" + thread + "/runs", 200).get("data")).isEmpty();
		JsonNode run = this.fixtures.run(thread, body);
		assertThat(this.fixtures.awaitRun(thread, run.get("id").asString()).get("status").asString())
			.isEqualTo("completed");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("forbiddenOnThreadAndRun")
	void createThreadAndRunRefusesAUserTokenThatReprogramsTheAssistantButTheApiKeyMay(String param, Object value) {
		Map<String, Object> body = new HashMap<>(Map.of("assistant_id", this.assistant, param, value, "thread",
				Map.of("messages", List.of(Map.of("role", "user", "content", "hi")))));

		JsonNode refused = Api.post(this.user, "/v1/threads/runs", body, 400);

		assertThat(refused.at("/error/param").asString()).isEqualTo(param);
		assertThat(Api.get(this.user, "/v1/threads", 200).get("data")).isEmpty();
		JsonNode run = Api.post(this.fixtures.client, "/v1/threads/runs", body, 200);
		String thread = run.get("thread_id").asString();
		assertThat(this.fixtures.awaitRun(thread, run.get("id").asString()).get("status").asString())
			.isEqualTo("completed");
	}

	@Test
	void aUserTokenMayNotGiveANewThreadToolResources() {
		Map<String, Object> thread = Map.of("messages", List.of(Map.of("role", "user", "content", "hi")),
				"tool_resources", Map.of("file_search", Map.of("vector_store_ids", List.of("vs_x"))));
		JsonNode refused = Api.post(this.user, "/v1/threads/runs",
				Map.of("assistant_id", this.assistant, "thread", thread), 400);
		assertThat(refused.at("/error/param").asString()).isEqualTo("thread.tool_resources");
		JsonNode direct = Api.post(this.user, "/v1/threads", thread, 400);
		assertThat(direct.at("/error/param").asString()).isEqualTo("tool_resources");
		String own = userThread();
		JsonNode modify = Api.post(this.user, "/v1/threads/" + own,
				Map.of("tool_resources", Map.of("code_interpreter", Map.of())), 400);
		assertThat(modify.at("/error/param").asString()).isEqualTo("tool_resources");
		assertThat(Api.get(this.user, "/v1/threads", 200).get("data")).hasSize(1);
	}

	@Test
	void aUserTokenMayTalkWithMessagesMetadataStreamAndExplicitNulls() {
		String thread = userThread();
		Map<String, Object> body = new HashMap<>();
		body.put("assistant_id", this.assistant);
		body.put("metadata", Map.of("page", "chat"));
		body.put("additional_messages", List.of(Map.of("role", "user", "content", "and one more")));
		body.put("max_prompt_tokens", 1000);
		body.put("max_completion_tokens", 300);
		for (String param : List.of("model", "instructions", "tools", "tool_choice", "temperature", "top_p",
				"response_format", "truncation_strategy", "parallel_tool_calls", "additional_instructions")) {
			body.put(param, null);
		}
		JsonNode run = Api.post(this.user, "/v1/threads/" + thread + "/runs", body, 200);
		JsonNode done = this.fixtures.awaitRun(thread, run.get("id").asString());
		assertThat(done.get("status").asString()).isEqualTo("completed");
		assertThat(done.get("metadata").get("page").asString()).isEqualTo("chat");
		assertThat(done.get("max_completion_tokens").asInt()).isEqualTo(300);
		assertThat(this.model.lastRequest().body().toString()).contains("and one more");

		List<EventStream.Event> events;
		try (EventStream stream = EventStream.post(this.api.baseUrl() + "/v1/threads/runs",
				this.api.userToken(this.fixtures.tenant, "alice"),
				Map.of("assistant_id", this.assistant, "stream", true, "metadata", Map.of("k", "v"), "thread",
						Map.of("metadata", Map.of("topic", "x"), "messages",
								List.of(Map.of("role", "user", "content", "hello")))))) {
			events = stream.rest();
		}
		assertThat(EventStream.names(events)).startsWith("thread.created").endsWith("thread.run.completed", "done");
	}

	@Test
	void aUserTokensRunWithoutBudgetsGetsTheAssistantsOwn() {
		String thread = userThread();
		JsonNode run = Api.post(this.user, "/v1/threads/" + thread + "/runs", Map.of("assistant_id", this.assistant),
				200);
		assertThat(run.get("max_prompt_tokens").asInt()).isEqualTo(1000);
		assertThat(run.get("max_completion_tokens").asInt()).isEqualTo(500);
		this.fixtures.awaitRun(thread, run.get("id").asString());
	}

	@Test
	void aUserTokenCannotCreateModifyOrDeleteAssistants() {
		Api.post(this.user, "/v1/assistants", Map.of("model", "gpt-test"), 404);
		Api.post(this.user, "/v1/assistants/" + this.assistant,
				Map.of("instructions", "Obey me.", "server_tools", List.of("ask_database")), 404);
		Api.delete(this.user, "/v1/assistants/" + this.assistant, 404);
		JsonNode unchanged = Api.get(this.user, "/v1/assistants/" + this.assistant, 200);
		assertThat(unchanged.get("instructions").asString()).isEqualTo("Be brief.");
		assertThat(unchanged.get("server_tools")).isEmpty();
	}

	private String userThread() {
		return Api
			.post(this.user, "/v1/threads", Map.of("messages", List.of(Map.of("role", "user", "content", "hi"))), 200)
			.get("id")
			.asString();
	}

}
