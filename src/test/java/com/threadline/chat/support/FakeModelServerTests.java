package com.threadline.chat.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.threadline.chat.support.Script.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FakeModelServerTests {

	private static final JsonMapper JSON = JsonMapper.shared();

	private static final FakeModelServer server = FakeModelServer.start();

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void reset() {
		server.reset();
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void streamsTextChunksAsOpenAiFramesThem() {
		server.enqueue(Script.text("Hello", " world").usage(7, 2));
		List<String> lines = stream("/v1/chat/completions", streamingRequest("hi"));
		List<JsonNode> chunks = chunks(lines);
		assertThat(lines).last().isEqualTo("data: [DONE]");
		assertThat(chunks).allSatisfy((chunk) -> {
			assertThat(chunk.get("object").asString()).isEqualTo("chat.completion.chunk");
			assertThat(chunk.get("id").asString()).startsWith("chatcmpl-");
			assertThat(chunk.get("model").asString()).isEqualTo("gpt-test");
		});
		assertThat(chunks.get(0).at("/choices/0/delta/role").asString()).isEqualTo("assistant");
		assertThat(chunks.get(1).at("/choices/0/delta/content").asString()).isEqualTo("Hello");
		assertThat(chunks.get(2).at("/choices/0/delta/content").asString()).isEqualTo(" world");
		assertThat(chunks.get(3).at("/choices/0/finish_reason").asString()).isEqualTo("stop");
		assertThat(chunks.get(4).get("choices").isEmpty()).isTrue();
		assertThat(chunks.get(4).at("/usage/total_tokens").asLong()).isEqualTo(9);
	}

	@Test
	void streamsParallelToolCallsWithIdAndNameOnlyInTheFirstDelta() {
		server.enqueue(Script.toolCalls(call("call_1", "get_weather", "{\"city\":\"Paris\"}"),
				Script.callInFragments("call_2", "get_time", "{\"tz\":", "\"CET\"}")));
		List<JsonNode> calls = chunks(stream("/chat/completions", streamingRequest("hi"))).stream()
			.flatMap((chunk) -> stream(chunk.at("/choices/0/delta/tool_calls")))
			.toList();
		assertThat(calls.get(0).get("id").asString()).isEqualTo("call_1");
		assertThat(calls.get(0).at("/function/name").asString()).isEqualTo("get_weather");
		assertThat(calls.stream().filter((call) -> call.has("id")).map((call) -> call.get("index").asInt()))
			.containsExactly(0, 1);
		assertThat(arguments(calls, 0)).isEqualTo("{\"city\":\"Paris\"}");
		assertThat(arguments(calls, 1)).isEqualTo("{\"tz\":\"CET\"}");
		assertThat(calls.stream().filter((call) -> call.get("index").asInt() == 0).count()).isGreaterThan(3);
	}

	@Test
	void answersNonStreamedRequestsWithOneCompletion() {
		server.enqueue(Script.text("Hello", " world"));
		HttpResponse<String> response = send("/v1/chat/completions",
				"{\"model\":\"gpt-test\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
		JsonNode completion = JSON.readTree(response.body());
		assertThat(completion.get("object").asString()).isEqualTo("chat.completion");
		assertThat(completion.at("/choices/0/message/content").asString()).isEqualTo("Hello world");
		assertThat(completion.at("/choices/0/finish_reason").asString()).isEqualTo("stop");
	}

	@Test
	void routesTakePrecedenceOverTheQueueAndAnswerInOrder() {
		server.enqueue(Script.text("queued"));
		server.when(RecordedRequest.lastUserMessageContains("[mine]"), Script.text("first"), Script.text("then"));
		assertThat(text(stream("/v1/chat/completions", streamingRequest("a [mine]")))).isEqualTo("first");
		assertThat(text(stream("/v1/chat/completions", streamingRequest("b [mine]")))).isEqualTo("then");
		assertThat(text(stream("/v1/chat/completions", streamingRequest("c [mine]")))).isEqualTo("then");
		assertThat(text(stream("/v1/chat/completions", streamingRequest("other")))).isEqualTo("queued");
	}

	@Test
	void answersUnscriptedRequestsWithAClearServerError() {
		HttpResponse<String> response = send("/v1/chat/completions", streamingRequest("lost"));
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(JSON.readTree(response.body()).at("/error/message").asString()).contains("no script")
			.contains("lost");
	}

	@Test
	void sendsErrorsWithTheirHeaders() {
		server.enqueue(Script.rateLimited(Duration.ofSeconds(3)), Script.contextLengthExceeded());
		HttpResponse<String> limited = send("/v1/chat/completions", streamingRequest("hi"));
		assertThat(limited.statusCode()).isEqualTo(429);
		assertThat(limited.headers().firstValue("Retry-After")).hasValue("3");
		HttpResponse<String> tooLong = send("/v1/chat/completions", streamingRequest("hi"));
		assertThat(tooLong.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(tooLong.body()).at("/error/code").asString()).isEqualTo("context_length_exceeded");
	}

	@Test
	void cutsTheConnectionMidStream() {
		server.enqueue(Script.text("Hel", "lo").cutAfter(1));
		assertThatThrownBy(() -> stream("/v1/chat/completions", streamingRequest("hi")))
			.isInstanceOf(UncheckedIOException.class);
		assertThat(server.lastRequest().outcome().join()).isEqualTo(RecordedRequest.Outcome.CUT);
	}

	@Test
	void sendsAChunkThatIsNotJson() {
		server.enqueue(Script.text("Hel", "lo").malformedAfter(1));
		List<String> lines = stream("/v1/chat/completions", streamingRequest("hi"));
		assertThat(lines).contains("data: {\"id\":\"chatcmpl-broken\", this is not JSON")
			.last()
			.isEqualTo("data: [DONE]");
	}

	@Test
	void hangsUntilReset() throws Exception {
		server.enqueue(Script.hang());
		HttpRequest request = post("/v1/chat/completions", streamingRequest("hi")).timeout(Duration.ofMillis(300))
			.build();
		assertThatThrownBy(() -> this.http.send(request, HttpResponse.BodyHandlers.ofString()))
			.isInstanceOf(HttpTimeoutException.class);
		RecordedRequest hanging = server.awaitRequests(1, Duration.ofSeconds(5)).get(0);
		server.reset();
		assertThat(hanging.outcome().get()).isEqualTo(RecordedRequest.Outcome.RELEASED);
	}

	@Test
	void recordsRequests() {
		server.enqueue(Script.text("ok"));
		stream("/v1/chat/completions", streamingRequest("remember me"));
		RecordedRequest request = server.lastRequest();
		assertThat(request.path()).isEqualTo("/v1/chat/completions");
		assertThat(request.authorization()).isEqualTo("Bearer test-key");
		assertThat(request.includeUsage()).isTrue();
		assertThat(request.lastUserMessage()).isEqualTo("remember me");
		server.reset();
		assertThat(server.requests()).isEmpty();
	}

	private static String streamingRequest(String userText) {
		return "{\"model\":\"gpt-test\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
				+ "\"messages\":[{\"role\":\"user\",\"content\":" + JSON.writeValueAsString(userText) + "}]}";
	}

	private HttpRequest.Builder post(String path, String body) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
			.header("Authorization", "Bearer test-key")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
	}

	private HttpResponse<String> send(String path, String body) {
		try {
			return this.http.send(post(path, body).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private List<String> stream(String path, String body) {
		try {
			HttpResponse<Stream<String>> response = this.http.send(post(path, body).build(),
					HttpResponse.BodyHandlers.ofLines());
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("text/event-stream"));
			return response.body().filter((line) -> !line.isEmpty()).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<JsonNode> chunks(List<String> lines) {
		return lines.stream()
			.map((line) -> line.substring("data: ".length()))
			.filter((data) -> !data.equals("[DONE]"))
			.map(JSON::readTree)
			.toList();
	}

	private static String text(List<String> lines) {
		StringBuilder text = new StringBuilder();
		chunks(lines).forEach((chunk) -> text.append(chunk.at("/choices/0/delta/content").asString("")));
		return text.toString();
	}

	private static Stream<JsonNode> stream(JsonNode array) {
		return array.isArray() ? array.valueStream() : Stream.empty();
	}

	private static String arguments(List<JsonNode> calls, int index) {
		StringBuilder arguments = new StringBuilder();
		calls.stream()
			.filter((call) -> call.get("index").asInt() == index)
			.forEach((call) -> arguments.append(call.at("/function/arguments").asString("")));
		return arguments.toString();
	}

}
