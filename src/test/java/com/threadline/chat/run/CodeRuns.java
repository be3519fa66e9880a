package com.threadline.chat.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;

import org.springframework.test.web.reactive.server.WebTestClient;

import com.threadline.chat.support.Api;
import com.threadline.chat.support.Uploads;
import com.threadline.chat.support.FakeModelServer;
import com.threadline.chat.support.RecordedRequest;
import com.threadline.chat.support.Script;

/**
 * code_interpreter runs as a model drives them: on a user message carrying a marker the
 * fake model calls {@code code_interpreter} with some code, and its final answer depends
 * on the tool message it then reads, so a run whose tool output is wrong ends with a
 * wrong reply.
 */
final class CodeRuns {

	static final String UNEXPECTED = "UNEXPECTED TOOL OUTPUT";

	static final Map<String, Object> CODE_INTERPRETER = CodeInterpreterRunTests.CODE_INTERPRETER;

	private static final AtomicInteger MARKERS = new AtomicInteger();

	private CodeRuns() {
	}

	/** A marker no other run's message carries. */
	static String marker(String name) {
		return "[" + name + "-" + MARKERS.incrementAndGet() + "]";
	}

	/**
	 * Scripts the model for the message carrying {@code marker}: it runs {@code code},
	 * then answers {@code reply} if the tool's output passes {@code check}, otherwise
	 * {@link #UNEXPECTED}.
	 */
	static void script(FakeModelServer model, String marker, String code, Predicate<String> check, String reply) {
		model.when(request -> asked(request, marker) && isRole(request, "user"), Script.toolCalls(Script
			.call("call_" + Math.abs(marker.hashCode()), "code_interpreter", CodeInterpreterRunTests.arguments(code))));
		model.when(request -> asked(request, marker) && isRole(request, "tool") && check.test(toolOutput(request)),
				Script.text(reply));
		model.when(request -> asked(request, marker) && isRole(request, "tool"), Script.text(UNEXPECTED));
	}

	/** The tool output the model read for the message carrying {@code marker}. */
	static String toolOutput(FakeModelServer model, String marker) {
		return model.requests()
			.stream()
			.filter(request -> asked(request, marker) && isRole(request, "tool"))
			.map(CodeRuns::toolOutput)
			.reduce((first, last) -> last)
			.orElseThrow(() -> new AssertionError("The model read no tool output for " + marker));
	}

	private static boolean asked(RecordedRequest request, String marker) {
		return request.lastUserMessage().contains(marker);
	}

	private static boolean isRole(RecordedRequest request, String role) {
		return role.equals(request.lastMessage().path("role").asString(""));
	}

	private static String toolOutput(RecordedRequest request) {
		return request.lastMessage().path("content").asString("");
	}

	/** Starts a run of {@code assistant} on {@code thread} and waits until it settles. */
	static JsonNode runAndWait(RunFixtures fixtures, String thread, String assistant) {
		String run = fixtures.run(thread, Map.of("assistant_id", assistant)).get("id").asString();
		return fixtures.awaitRun(thread, run);
	}

	/** Adds a user message to a thread. */
	static void say(WebTestClient client, String thread, String text) {
		Api.post(client, "/v1/threads/" + thread + "/messages", Map.of("role", "user", "content", text), 200);
	}

	/** The code_interpreter calls of a run's steps, in order. */
	static List<JsonNode> codeCalls(RunFixtures fixtures, String thread, String run) {
		List<JsonNode> calls = new ArrayList<>();
		for (JsonNode step : fixtures.steps(thread, run)) {
			step.at("/step_details/tool_calls")
				.valueStream()
				.filter(call -> call.path("type").asString("").equals("code_interpreter"))
				.forEach(calls::add);
		}
		return calls;
	}

	/** The logs outputs of a recorded code_interpreter call, joined. */
	static String logs(JsonNode call) {
		StringBuilder logs = new StringBuilder();
		call.at("/code_interpreter/outputs")
			.valueStream()
			.filter(output -> output.path("type").asString("").equals("logs"))
			.forEach(output -> logs.append(output.path("logs").asString("")));
		return logs.toString();
	}

	/** The text of the thread's latest message. */
	static String lastReply(RunFixtures fixtures, String thread) {
		JsonNode last = Api.get(fixtures.client, "/v1/threads/" + thread + "/messages?order=desc&limit=1", 200)
			.at("/data/0");
		StringBuilder text = new StringBuilder();
		last.path("content")
			.valueStream()
			.filter(part -> part.path("type").asString("").equals("text"))
			.forEach(part -> text.append(part.at("/text/value").asString("")));
		return text.toString();
	}

	/** Uploads a file with purpose {@code assistants} and returns its id. */
	static String upload(WebTestClient client, String filename, byte[] bytes) {
		return Uploads.upload(client, "assistants", filename, bytes).get("id").asString();
	}

	/** The bytes of a file, or the status when it is not 200. */
	static byte[] content(WebTestClient client, String fileId) {
		return client.get()
			.uri("/v1/files/" + fileId + "/content")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
	}

	/** The status of {@code GET /v1/files/{id}} for this client. */
	static int fileStatus(WebTestClient client, String fileId) {
		return client.get().uri("/v1/files/" + fileId).exchange().returnResult(byte[].class).getStatus().value();
	}

}
