package com.threadline.chat.llm;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.threadline.chat.llm.ModelEvent.Finished;
import com.threadline.chat.llm.ModelEvent.TextDelta;
import com.threadline.chat.llm.ModelEvent.ToolCallDelta;
import com.threadline.chat.llm.ModelEvent.Usage;
import com.threadline.chat.support.FakeModelServer;
import com.threadline.chat.support.RecordedRequest;
import com.threadline.chat.support.Script;

import org.springframework.web.reactive.function.client.WebClient;

import static com.threadline.chat.support.Script.callInFragments;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ChatCompletionsGatewayTests {

	private static final JsonMapper JSON = JsonMapper.shared();

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final FakeModelServer model = FakeModelServer.start();

	private static final FakeModelServer deepseek = FakeModelServer.start();

	private ChatCompletionsGateway gateway;

	@BeforeEach
	void gateway() {
		model.reset();
		deepseek.reset();
		this.gateway = gateway(model.baseUrl(), Duration.ofSeconds(20));
	}

	@AfterEach
	void closeGateway() {
		this.gateway.destroy();
	}

	@AfterAll
	static void stopServers() {
		model.close();
		deepseek.close();
	}

	@Test
	void streamsTextDeltasThenFinishAndUsage() {
		model.enqueue(Script.text("Hel", "lo", " world").usage(12, 3));
		assertThat(stream("gpt-test")).containsExactly(new TextDelta("Hel"), new TextDelta("lo"),
				new TextDelta(" world"), new Finished("stop"), new Usage(12, 3, 15));
	}

	@Test
	void emitsEachChunkBeforeTheReplyEnds() {
		model.enqueue(Script.text("first", "never").stallAfter(1));
		StepVerifier.create(this.gateway.stream(request("gpt-test")))
			.expectNext(new TextDelta("first"))
			.thenCancel()
			.verify(WAIT);
	}

	@Test
	void streamsToolCallDeltasWithIdAndNameOnlyFirst() {
		model.enqueue(Script.toolCalls(callInFragments("call_1", "get_weather", "{\"city\"", ":\"Paris\"}"),
				callInFragments("call_2", "get_time", "{\"tz\":", "\"CET\"}")));
		assertThat(stream("gpt-test")).containsExactly(new ToolCallDelta(0, "call_1", "get_weather", ""),
				new ToolCallDelta(0, null, null, "{\"city\""), new ToolCallDelta(0, null, null, ":\"Paris\"}"),
				new ToolCallDelta(1, "call_2", "get_time", ""), new ToolCallDelta(1, null, null, "{\"tz\":"),
				new ToolCallDelta(1, null, null, "\"CET\"}"), new Finished("tool_calls"), new Usage(10, 6, 16));
	}

	@Test
	void sendsChatCompletionsRequestWithCredentials() {
		model.enqueue(Script.text("ok"));
		JsonNode tools = JSON.readTree("[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
				+ "\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}}}]");
		List<ChatMessage> messages = List.of(ChatMessage.system("Be brief."), ChatMessage.user("Weather in Paris?"),
				ChatMessage.assistant(null,
						List.of(new ChatMessage.ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}"))),
				ChatMessage.tool("call_1", "{\"sky\":\"clear\"}"));
		ModelRequest request = new ModelRequest("gpt-test", messages, tools, JSON.readTree("\"auto\""), 0.2, 0.9, 256L,
				false, JSON.readTree("{\"type\":\"json_object\"}"));
		this.gateway.stream(request).collectList().block(WAIT);

		RecordedRequest sent = model.lastRequest();
		assertThat(sent.path()).isEqualTo("/v1/chat/completions");
		assertThat(sent.authorization()).isEqualTo("Bearer test-key");
		assertThat(sent.header("Accept")).contains("text/event-stream");
		JsonNode body = sent.body();
		assertThat(body.get("model").asString()).isEqualTo("gpt-test");
		assertThat(body.get("stream").asBoolean()).isTrue();
		assertThat(body.at("/stream_options/include_usage").asBoolean()).isTrue();
		assertThat(body.get("tools")).isEqualTo(tools);
		assertThat(body.get("tool_choice").asString()).isEqualTo("auto");
		assertThat(body.get("temperature").asDouble()).isEqualTo(0.2);
		assertThat(body.get("top_p").asDouble()).isEqualTo(0.9);
		assertThat(body.get("max_completion_tokens").asLong()).isEqualTo(256);
		assertThat(body.get("parallel_tool_calls").asBoolean()).isFalse();
		assertThat(body.at("/response_format/type").asString()).isEqualTo("json_object");
		assertThat(body.get("messages")).isEqualTo(JSON.readTree("""
				[{"role":"system","content":"Be brief."},
				 {"role":"user","content":"Weather in Paris?"},
				 {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function",
				   "function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}}]},
				 {"role":"tool","content":"{\\"sky\\":\\"clear\\"}","tool_call_id":"call_1"}]"""));
	}

	@Test
	void leavesUnsetOptionsOut() {
		model.enqueue(Script.text("ok"));
		stream("gpt-test");
		assertThat(model.lastRequest().body().propertyNames()).containsExactlyInAnyOrder("model", "messages", "stream",
				"stream_options");
	}

	@Test
	void selectsAConfiguredProviderByPrefixOnly() {
		deepseek.enqueue(Script.text("from deepseek"));
		model.enqueue(Script.text("from default"));
		assertThat(stream("deepseek/deepseek-chat")).first().isEqualTo(new TextDelta("from deepseek"));
		assertThat(stream("Qwen/Qwen2.5-7B")).first().isEqualTo(new TextDelta("from default"));

		assertThat(deepseek.lastRequest().model()).isEqualTo("deepseek-chat");
		assertThat(deepseek.lastRequest().authorization()).isEqualTo("Bearer deepseek-key");
		assertThat(deepseek.lastRequest().path()).isEqualTo("/v1/chat/completions");
		assertThat(model.lastRequest().model()).isEqualTo("Qwen/Qwen2.5-7B");
		assertThat(model.lastRequest().authorization()).isEqualTo("Bearer test-key");
	}

	@Test
	void retriesRateLimitAfterTheProvidersRetryAfter() {
		model.enqueue(Script.rateLimited(Duration.ofSeconds(1)), Script.text("ok"));
		assertThat(stream("gpt-test")).first().isEqualTo(new TextDelta("ok"));
		List<RecordedRequest> requests = model.requests();
		assertThat(requests).hasSize(2);
		// backoff alone would be ~10 ms: the wait comes from Retry-After
		assertThat(Duration.between(requests.get(0).receivedAt(), requests.get(1).receivedAt()))
			.isGreaterThanOrEqualTo(Duration.ofMillis(950));
	}

	@Test
	void retriesServerErrorsTwice() {
		model.enqueue(Script.serverError(), Script.error(503, "server_error", null, "Overloaded"), Script.text("ok"));
		assertThat(stream("gpt-test")).first().isEqualTo(new TextDelta("ok"));
		assertThat(model.requests()).hasSize(3);
	}

	@Test
	void failsWithServerErrorWhenRetriesAreSpent() {
		model.enqueue(Script.serverError(), Script.serverError(), Script.serverError(), Script.text("too late"));
		assertThat(failure("gpt-test").code()).isEqualTo("server_error");
		assertThat(model.requests()).hasSize(3);
	}

	@Test
	void failsWithInvalidPromptOnBadRequestWithoutRetrying() {
		model.enqueue(Script.contextLengthExceeded(), Script.text("never"));
		ModelException failure = failure("gpt-test");
		assertThat(failure.code()).isEqualTo("invalid_prompt");
		assertThat(failure.getMessage()).contains("maximum context length");
		assertThat(model.requests()).hasSize(1);
	}

	@Test
	void failsWithRateLimitExceededWhenRateLimitPersists() {
		model.enqueue(Script.rateLimited(Duration.ZERO), Script.rateLimited(Duration.ZERO),
				Script.rateLimited(Duration.ZERO));
		assertThat(failure("gpt-test").code()).isEqualTo("rate_limit_exceeded");
		assertThat(model.requests()).hasSize(3);
	}

	@Test
	void reportsRejectedCredentialsWithoutTheKey() {
		model.enqueue(
				Script.error(401, "invalid_request_error", "invalid_api_key", "Incorrect API key provided: test-key."));
		ModelException failure = failure("gpt-test");
		assertThat(failure.code()).isEqualTo("server_error");
		assertThat(failure.getMessage()).contains("401").doesNotContain("test-key");
		assertThat(model.requests()).hasSize(1);
	}

	@Test
	void failsAfterThePartialReplyWhenTheStreamIsCutWithoutRetrying() {
		model.enqueue(Script.text("Hel", "lo").cutAfter(1), Script.text("never"));
		StepVerifier.create(this.gateway.stream(request("gpt-test")))
			.expectNext(new TextDelta("Hel"))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(ModelException.class)
				.extracting((e) -> ((ModelException) e).code())
				.isEqualTo("server_error"))
			.verify(WAIT);
		assertThat(model.requests()).hasSize(1);
	}

	@Test
	void failsWhenTheStreamEndsWithoutFinishOrDone() {
		model.enqueue(Script.text("Hel", "lo").endAfter(1), Script.text("never"));
		StepVerifier.create(this.gateway.stream(request("gpt-test")))
			.expectNext(new TextDelta("Hel"))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(ModelException.class)
				.hasMessageContaining("ended before the reply was complete"))
			.verify(WAIT);
		assertThat(model.requests()).hasSize(1);
	}

	@Test
	void completesAfterDoneEvenIfTheResponseStaysOpen() {
		model.enqueue(Script.text("Hello").holdOpenAfterDone());
		assertThat(stream("gpt-test")).containsExactly(new TextDelta("Hello"), new Finished("stop"),
				new Usage(10, 1, 11));
	}

	@Test
	void failsOnAChunkThatIsNotJson() {
		model.enqueue(Script.text("Hel", "lo").malformedAfter(1));
		StepVerifier.create(this.gateway.stream(request("gpt-test")))
			.expectNext(new TextDelta("Hel"))
			.expectErrorSatisfies(
					(error) -> assertThat(error).isInstanceOf(ModelException.class).hasMessageContaining("not JSON"))
			.verify(WAIT);
	}

	@Test
	void timesOutWhenTheFirstChunkNeverComes() {
		ChatCompletionsGateway impatient = gateway(model.baseUrl(), Duration.ofMillis(300));
		try {
			model.enqueue(Script.hang(), Script.text("never"));
			ModelException failure = failure(impatient, "gpt-test");
			assertThat(failure.code()).isEqualTo("server_error");
			assertThat(failure.getMessage()).contains("did not start answering");
			assertThat(model.requests()).hasSize(1);
		}
		finally {
			impatient.destroy();
		}
	}

	@Test
	void timesOutWhenTheStreamStalls() {
		ChatCompletionsGateway impatient = gateway(model.baseUrl(), Duration.ofMillis(300));
		try {
			model.enqueue(Script.text("Hel", "lo").stallAfter(1));
			StepVerifier.create(impatient.stream(request("gpt-test")))
				.expectNext(new TextDelta("Hel"))
				.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(ModelException.class)
					.hasMessageContaining("stopped answering"))
				.verify(WAIT);
		}
		finally {
			impatient.destroy();
		}
	}

	@Test
	void retriesConnectionErrorsThenFailsWithServerError() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		ChatCompletionsGateway unreachable = gateway("http://127.0.0.1:" + closedPort + "/v1", Duration.ofSeconds(5));
		try {
			ModelException failure = failure(unreachable, "gpt-test");
			assertThat(failure.code()).isEqualTo("server_error");
			assertThat(failure.getMessage()).isEqualTo("Could not connect to the model provider.");
		}
		finally {
			unreachable.destroy();
		}
	}

	@Test
	void cancellingTheStreamClosesTheConnection() throws Exception {
		model.enqueue(Script.text("a", "b", "c", "d", "e", "f", "g", "h").delay(Duration.ofMillis(100)));
		StepVerifier.create(this.gateway.stream(request("gpt-test")).take(1))
			.expectNext(new TextDelta("a"))
			.verifyComplete();
		assertThat(model.lastRequest().outcome().get(10, java.util.concurrent.TimeUnit.SECONDS))
			.isEqualTo(RecordedRequest.Outcome.CLIENT_GONE);
	}

	private static ChatCompletionsGateway gateway(String baseUrl, Duration timeouts) {
		LlmProperties properties = new LlmProperties(baseUrl, "test-key", null, null,
				Map.of("deepseek", new LlmProperties.Provider(deepseek.baseUrl(), "deepseek-key")),
				Duration.ofSeconds(2), timeouts, timeouts, 2, Duration.ofMillis(10), Duration.ofSeconds(5), 50);
		return new ChatCompletionsGateway(properties, WebClient.builder());
	}

	private static ModelRequest request(String model) {
		return new ModelRequest(model, List.of(ChatMessage.user("Hello?")), null, null, null, null, null, null, null);
	}

	private List<ModelEvent> stream(String model) {
		return this.gateway.stream(request(model)).collectList().block(WAIT);
	}

	private ModelException failure(String model) {
		return failure(this.gateway, model);
	}

	private static ModelException failure(ChatCompletionsGateway gateway, String model) {
		return assertThatExceptionOfType(ModelException.class)
			.isThrownBy(() -> gateway.stream(request(model)).collectList().block(WAIT))
			.actual();
	}

}
