package com.threadline.chat.isolation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.threadline.chat.support.Api;
import com.threadline.chat.support.FakeModelServer;
import com.threadline.chat.support.IntegrationTest;
import com.threadline.chat.support.Script;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For every endpoint that names an object: another tenant's API key, and another user's
 * token of the same tenant, get a 404 (never a 403, never the object) and change nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IsolationMatrixTests extends IntegrationTest {

	private static final JsonMapper JSON = JsonMapper.shared();

	private Api.Tenant owner;

	private String assistant;

	private String thread;

	private String message;

	private String run;

	private String step;

	private String file;

	@BeforeAll
	void objects() {
		this.api = new Api(this.port);
		this.model = FakeModelServer.shared();
		this.model.reset();
		this.owner = this.api.newTenant("Owner");
		WebTestClient alice = this.api.as(this.api.userToken(this.owner, "alice"));
		this.assistant = Api
			.post(this.api.as(this.owner.apiKey()), "/v1/assistants", Map.of("model", "m", "name", "secret-assistant"),
					200)
			.get("id")
			.asString();
		this.thread = Api
			.post(alice, "/v1/threads", Map.of("metadata", Map.of("v", "1"), "messages",
					List.of(Map.of("role", "user", "content", "alice's secret"))), 200)
			.get("id")
			.asString();
		this.message = Api.get(alice, "/v1/threads/" + this.thread + "/messages", 200)
			.get("data")
			.get(0)
			.get("id")
			.asString();
		pausedRun(alice);
		this.file = upload(alice);
	}

	/** A file of alice's, uploaded with her token. */
	private static String upload(WebTestClient alice) {
		org.springframework.http.client.MultipartBodyBuilder body = new org.springframework.http.client.MultipartBodyBuilder();
		body.part("purpose", "assistants");
		body.part("file", "alice's secret file".getBytes()).filename("secret.txt");
		byte[] response = alice.post()
			.uri("/v1/files")
			.body(org.springframework.web.reactive.function.BodyInserters.fromMultipartData(body.build()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
		return Api.json(new String(response)).get("id").asString();
	}

	/** A run of alice's waiting in requires_action for a client function's output. */
	private void pausedRun(WebTestClient alice) {
		this.model.enqueue(Script.toolCalls(Script.call("call_x", "lookup", "{}")));
		Api.post(this.api.as(this.owner.apiKey()), "/v1/assistants/" + this.assistant,
				Map.of("tools", List.of(Map.of("type", "function", "function", Map.of("name", "lookup")))), 200);
		this.run = Api
			.post(alice, "/v1/threads/" + this.thread + "/runs",
					Map.of("assistant_id", this.assistant, "metadata", Map.of("v", "1")), 200)
			.get("id")
			.asString();
		Awaitility.await()
			.atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> "requires_action".equals(runStatus()));
		this.step = Api.get(alice, "/v1/threads/" + this.thread + "/runs/" + this.run + "/steps", 200)
			.get("data")
			.get(0)
			.get("id")
			.asString();
	}

	private String runStatus() {
		return Api.get(this.api.as(this.owner.apiKey()), "/v1/threads/" + this.thread + "/runs/" + this.run, 200)
			.get("status")
			.asString();
	}

	record Call(String name, HttpMethod method, String path, @Nullable Object body, boolean userScoped) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	static Stream<Arguments> calls() {
		Map<String, Object> rename = Map.of("name", "x", "metadata", Map.of("v", "2"));
		Map<String, Object> newMessage = Map.of("role", "user", "content", "intruder");
		return Stream.of(new Call("get assistant", HttpMethod.GET, "/v1/assistants/{a}", null, false),
				new Call("modify assistant", HttpMethod.POST, "/v1/assistants/{a}", rename, false),
				new Call("delete assistant", HttpMethod.DELETE, "/v1/assistants/{a}", null, false),
				new Call("get thread", HttpMethod.GET, "/v1/threads/{t}", null, true),
				new Call("modify thread", HttpMethod.POST, "/v1/threads/{t}", rename, true),
				new Call("delete thread", HttpMethod.DELETE, "/v1/threads/{t}", null, true),
				new Call("list messages", HttpMethod.GET, "/v1/threads/{t}/messages", null, true),
				new Call("create message", HttpMethod.POST, "/v1/threads/{t}/messages", newMessage, true),
				new Call("get message", HttpMethod.GET, "/v1/threads/{t}/messages/{m}", null, true),
				new Call("modify message", HttpMethod.POST, "/v1/threads/{t}/messages/{m}", rename, true),
				new Call("delete message", HttpMethod.DELETE, "/v1/threads/{t}/messages/{m}", null, true),
				new Call("create run", HttpMethod.POST, "/v1/threads/{t}/runs", Map.of("assistant_id", "{a}"), true),
				new Call("list runs", HttpMethod.GET, "/v1/threads/{t}/runs", null, true),
				new Call("get run", HttpMethod.GET, "/v1/threads/{t}/runs/{r}", null, true),
				new Call("modify run", HttpMethod.POST, "/v1/threads/{t}/runs/{r}", rename, true),
				new Call("cancel run", HttpMethod.POST, "/v1/threads/{t}/runs/{r}/cancel", Map.of(), true),
				new Call("submit tool outputs", HttpMethod.POST, "/v1/threads/{t}/runs/{r}/submit_tool_outputs",
						Map.of("tool_outputs", List.of(Map.of("tool_call_id", "call_x", "output", "planted"))), true),
				new Call("list steps", HttpMethod.GET, "/v1/threads/{t}/runs/{r}/steps", null, true),
				new Call("get step", HttpMethod.GET, "/v1/threads/{t}/runs/{r}/steps/{s}", null, true),
				new Call("run events", HttpMethod.GET, "/v1/threads/{t}/runs/{r}/events", null, true),
				new Call("get file", HttpMethod.GET, "/v1/files/{f}", null, true),
				new Call("file content", HttpMethod.GET, "/v1/files/{f}/content", null, true),
				new Call("delete file", HttpMethod.DELETE, "/v1/files/{f}", null, true),
				new Call("attach file", HttpMethod.POST, "/v1/threads/{t}/messages",
						Map.of("role", "user", "content", "x", "attachments", List.of(Map.of("file_id", "{f}"))), true))
			.flatMap(call -> Stream.of(Arguments.of(call, "another tenant's key"),
					Arguments.of(call, "another tenant's user"), Arguments.of(call, "another user's token")))
			.filter(args -> ((Call) args.get()[0]).userScoped() || !"another user's token".equals(args.get()[1]));
	}

	@ParameterizedTest(name = "{0} as {1}")
	@MethodSource("calls")
	void othersGetNotFoundAndChangeNothing(Call call, String intruder) {
		Api.Tenant other = this.api.newTenant("Intruder");
		String credential = switch (intruder) {
			case "another tenant's key" -> other.apiKey();
			case "another tenant's user" -> this.api.userToken(other, "alice");
			default -> this.api.userToken(this.owner, "mallory");
		};
		String path = call.path()
			.replace("{a}", this.assistant)
			.replace("{t}", this.thread)
			.replace("{m}", this.message)
			.replace("{r}", this.run)
			.replace("{s}", this.step)
			.replace("{f}", this.file);
		WebTestClient.RequestBodySpec request = this.api.as(credential).method(call.method()).uri(path);
		WebTestClient.ResponseSpec response = (call.body() != null) ? request.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(JSON.writeValueAsString(call.body()).replace("{a}", this.assistant).replace("{f}", this.file))
			.exchange() : request.exchange();
		String body = new String(response.expectStatus().isNotFound().expectBody().returnResult().getResponseBody());
		assertThat(Api.json(body).at("/error/message").asString()).matches("^(No |Invalid URL).*")
			.doesNotContain("secret");
		assertUnchanged();
	}

	private void assertUnchanged() {
		WebTestClient key = this.api.as(this.owner.apiKey());
		assertThat(Api.get(key, "/v1/assistants/" + this.assistant, 200).get("name").asString())
			.isEqualTo("secret-assistant");
		JsonNode thread = Api.get(key, "/v1/threads/" + this.thread, 200);
		assertThat(thread.get("metadata").get("v").asString()).isEqualTo("1");
		JsonNode messages = Api.get(key, "/v1/threads/" + this.thread + "/messages", 200);
		assertThat(messages.get("data")).hasSize(1);
		assertThat(messages.get("data").get(0).get("metadata").isEmpty()).isTrue();
		JsonNode run = Api.get(key, "/v1/threads/" + this.thread + "/runs/" + this.run, 200);
		assertThat(run.get("status").asString()).isEqualTo("requires_action");
		assertThat(run.get("metadata").get("v").asString()).isEqualTo("1");
		assertThat(Api.get(key, "/v1/threads/" + this.thread + "/runs", 200).get("data")).hasSize(1);
		assertThat(Api.get(key, "/v1/files/" + this.file, 200).get("filename").asString()).isEqualTo("secret.txt");
	}

}
