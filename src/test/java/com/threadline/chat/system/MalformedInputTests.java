package com.threadline.chat.system;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.threadline.chat.support.Api;
import com.threadline.chat.support.IntegrationTest;
import com.threadline.chat.support.Script;
import com.threadline.chat.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input PostgreSQL cannot hold (NUL, unpaired surrogates), wrong JSON types and unsafe
 * values, sent to every endpoint: each is a 400 naming the parameter, never a 500, and
 * changes nothing.
 */
class MalformedInputTests extends IntegrationTest {

	private static final String ROWS = "(select count(*) || ':' || md5(coalesce(string_agg(t::text, ',' order by t::text), '')) from %s t where tenant_id = ?)";

	private static final String FINGERPRINT = "select concat_ws(' | ', " + String.join(", ",
			List.of("assistants", "threads", "messages", "runs", "run_steps", "courses", "api_keys", "files")
				.stream()
				.map(ROWS::formatted)
				.toList())
			+ ", (select md5(string_agg(t::text, ',' order by t::text)) from tenants t))";

	/** The fixtures every case refers to, made once per test JVM. */
	private static Map<String, String> ids;

	private static String apiKey;

	@BeforeEach
	void fixtures() {
		if (ids == null) {
			Api.Tenant tenant = this.api.newTenant("Malformed input");
			apiKey = tenant.apiKey();
			ids = new Fixtures(this.api.as(apiKey), this.model).create(tenant.id());
		}
	}

	static List<MalformedInput> cases() {
		return MalformedInput.all();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void refusesWithA400NamingTheParamAndChangesNothing(MalformedInput input) throws SQLException {
		String before = fingerprint();
		WebTestClient client = input.admin() ? this.api.admin() : this.api.as(apiKey);
		JsonNode error = send(client, input);
		assertThat(error.at("/error/type").asString()).isEqualTo("invalid_request_error");
		assertThat(error.at("/error/param").asString()).isEqualTo(input.param());
		assertThat(error.at("/error/message").asString()).contains("'" + input.param() + "'");
		assertThat(fingerprint()).isEqualTo(before);
	}

	@Test
	void acceptsWhatLooksCloseButIsValid() {
		WebTestClient key = this.api.as(apiKey);
		String path = "/v1/threads/" + ids.get("thread") + "/messages";
		String file = uploaded(key);
		JsonNode emoji = Api.post(key, path, Map.of("role", "user", "content", "I 💙 SQL", "attachments",
				List.of(Map.of("file_id", file, "tools", List.of())), "metadata", Map.of("k", "é")), 200);
		assertThat(emoji.at("/content/0/text/value").asString()).isEqualTo("I 💙 SQL");
		assertThat(emoji.at("/attachments/0/file_id").asString()).isEqualTo(file);
		for (String url : List.of("https://example.com/a.png", "data:image/png;base64,iVBORw0KGgo=")) {
			JsonNode image = Api.post(key, path, Map.of("role", "user", "content",
					List.of(Map.of("type", "image_url", "image_url", Map.of("url", url)))), 200);
			assertThat(image.at("/content/0/image_url/url").asString()).isEqualTo(url);
		}
		Map<String, Object> format = Map.of("type", "json_schema", "json_schema",
				Map.of("name", "answer", "schema", Map.of("type", "object")));
		JsonNode assistant = Api.post(key, "/v1/assistants", Map.of("model", "gpt-test", "response_format", format),
				200);
		assertThat(assistant.at("/response_format/json_schema/name").asString()).isEqualTo("answer");
		assertThat(Api.post(key, "/v1/user_tokens", Map.of("user", "u", "ttl_seconds", 60), 201).get("user").asString())
			.isEqualTo("u");
	}

	private static String uploaded(WebTestClient key) {
		org.springframework.http.client.MultipartBodyBuilder body = new org.springframework.http.client.MultipartBodyBuilder();
		body.part("purpose", "assistants");
		body.part("file", "a,b\n".getBytes()).filename("close.csv");
		byte[] response = key.post()
			.uri("/v1/files")
			.body(org.springframework.web.reactive.function.BodyInserters.fromMultipartData(body.build()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
		return Api.json(new String(response, java.nio.charset.StandardCharsets.UTF_8)).get("id").asString();
	}

	private JsonNode send(WebTestClient client, MalformedInput input) {
		URI uri = URI.create(this.api.baseUrl() + resolve(input.path()));
		WebTestClient.RequestBodySpec request = client.method(HttpMethod.valueOf(input.method())).uri(uri);
		WebTestClient.RequestHeadersSpec<?> ready = (input.body() != null)
				? request.contentType(MediaType.APPLICATION_JSON).bodyValue(json(input.body())) : request;
		byte[] body = ready.exchange().expectStatus().isBadRequest().expectBody().returnResult().getResponseBody();
		return Api.json(new String(body, java.nio.charset.StandardCharsets.UTF_8));
	}

	private static String resolve(String template) {
		String resolved = template;
		for (Map.Entry<String, String> id : ids.entrySet()) {
			resolved = resolved.replace("{" + id.getKey() + "}", id.getValue());
		}
		return resolved;
	}

	private static String json(String body) {
		return resolve(body).replace('\'', '"').replace("<NUL>", "\\u0000").replace("<LONE>", "\\ud800");
	}

	private static String fingerprint() throws SQLException {
		try (Connection connection = TestDatabase.get().connect();
				PreparedStatement statement = connection.prepareStatement(FINGERPRINT)) {
			for (int i = 1; i <= 8; i++) {
				statement.setString(i, ids.get("tenant"));
			}
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getString(1);
			}
		}
	}

	/** The tenant's objects the cases point at, one run waiting for a tool output. */
	private record Fixtures(WebTestClient key, com.threadline.chat.support.FakeModelServer model) {

		Map<String, String> create(String tenantId) {
			Map<String, Object> weather = Map.of("type", "function", "function",
					Map.of("name", "get_weather", "parameters", Map.of("type", "object")));
			String assistant = id(
					Api.post(this.key, "/v1/assistants", Map.of("model", "gpt-test", "tools", List.of(weather)), 200));
			String thread = id(Api.post(this.key, "/v1/threads",
					Map.of("messages", List.of(Map.of("role", "user", "content", "hi"))), 200));
			String message = id(Api.get(this.key, "/v1/threads/" + thread + "/messages", 200).get("data").get(0));
			String busy = id(Api.post(this.key, "/v1/threads", Map.of(), 200));
			this.model.enqueue(Script.toolCalls(Script.call("call_wait", "get_weather", "{}")));
			String run = id(
					Api.post(this.key, "/v1/threads/" + busy + "/runs", Map.of("assistant_id", assistant), 200));
			JsonNode waiting = awaitRequiresAction(busy, run);
			String call = waiting.at("/required_action/submit_tool_outputs/tool_calls/0/id").asString();
			String step = id(
					Api.get(this.key, "/v1/threads/" + busy + "/runs/" + run + "/steps", 200).get("data").get(0));
			return Map.of("tenant", tenantId, "asst", assistant, "thread", thread, "msg", message, "busy", busy, "run",
					run, "call", call, "step", step);
		}

		private JsonNode awaitRequiresAction(String thread, String run) {
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (true) {
				JsonNode current = Api.get(this.key, "/v1/threads/" + thread + "/runs/" + run, 200);
				if (current.get("status").asString().equals("requires_action")) {
					return current;
				}
				assertThat(System.nanoTime()).as("run %s waits for tool outputs", run).isLessThan(deadline);
				assertThat(current.get("status").asString()).isIn("queued", "in_progress");
				Thread.onSpinWait();
			}
		}

		private static String id(JsonNode object) {
			return object.get("id").asString();
		}

	}

}
