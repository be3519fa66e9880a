package com.threadline.chat.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.FileSystemUtils;

import com.threadline.chat.support.Api;
import com.threadline.chat.support.AppProcess;
import com.threadline.chat.support.FakeModelServer;
import com.threadline.chat.support.OwnedDatabase;
import com.threadline.chat.support.Script;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process killed hard in the middle of a reply (SIGKILL: no shutdown hook runs) and
 * started again under the same instance name: its run ends failed, and its reply ends
 * {@code incomplete} with the text written down before the kill, which the engine writes
 * at bounded intervals while the reply streams (and while the model is silent).
 */
@Timeout(300)
class CrashRecoveryTests {

	private static final List<String> CHUNKS = IntStream.range(0, 40).mapToObj("w%02d "::formatted).toList();

	private static final String WRITTEN = String.join("", CHUNKS.subList(0, 30));

	private static OwnedDatabase database;

	private static FakeModelServer model;

	private static Path files;

	@BeforeAll
	static void prepare() throws Exception {
		database = OwnedDatabase.create("crash_owner");
		model = FakeModelServer.start();
		files = Files.createTempDirectory("threadline-crash-files-");
	}

	@AfterAll
	static void cleanUp() throws Exception {
		model.close();
		database.drop();
		FileSystemUtils.deleteRecursively(files);
	}

	@Test
	void aRunKilledMidReplyEndsFailedAndKeepsTheTextWrittenBeforeTheKill() throws Exception {
		model.enqueue(Script.text(CHUNKS.toArray(String[]::new)).delay(Duration.ofMillis(60)).stallAfter(30));
		String[] args = { "--chat.run.instance-id=crash-test", "--chat.run.reply-flush-interval=400ms" };
		Api.Tenant tenant;
		String threadId;
		String runId;
		List<String> seen = new ArrayList<>();
		try (AppProcess first = AppProcess.start(database, model.baseUrl(), files, args)) {
			RunFixtures fixtures = new RunFixtures(new Api(first.port()), "Crash");
			tenant = fixtures.tenant;
			JsonNode run = Api.post(fixtures.client, "/v1/threads/runs", Map.of("assistant_id", fixtures.assistant(),
					"thread", Map.of("messages", List.of(Map.of("role", "user", "content", "Count slowly.")))), 200);
			threadId = run.get("thread_id").asString();
			runId = run.get("id").asString();
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (!WRITTEN.equals(last(seen)) && System.nanoTime() < deadline) {
				String text = replyText(fixtures.client, threadId);
				if (!text.equals(last(seen))) {
					seen.add(text);
				}
				RunFixtures.sleep(25);
			}
			assertThat(last(seen)).as("the stalled reply's text, written while the model is silent").isEqualTo(WRITTEN);
			assertThat(seen).as("the reply's text is written down while it streams, not only at its end")
				.anySatisfy(text -> assertThat(text).isNotEmpty()
					.isNotEqualTo(WRITTEN)
					.satisfies(partial -> assertThat(WRITTEN).startsWith(partial)));
			assertThat(fixtures.getRun(threadId, runId).get("status").asString()).isEqualTo("in_progress");
			first.kill();
		}
		try (AppProcess second = AppProcess.start(database, model.baseUrl(), files, args)) {
			WebTestClient client = new Api(second.port()).as(tenant.apiKey());
			JsonNode run = Api.get(client, "/v1/threads/" + threadId + "/runs/" + runId, 200);
			assertThat(run.get("status").asString()).isEqualTo("failed");
			assertThat(run.at("/last_error/code").asString()).isEqualTo("server_error");
			JsonNode reply = assistantMessage(client, threadId);
			assertThat(reply.get("status").asString()).isEqualTo("incomplete");
			assertThat(reply.at("/incomplete_details/reason").asString()).isEqualTo("run_failed");
			assertThat(reply.at("/content/0/text/value").asString()).isEqualTo(WRITTEN);
			assertThat(Api.get(client, "/v1/threads/" + threadId, 200).get("active_run_id").isNull()).isTrue();
			JsonNode steps = Api.get(client, "/v1/threads/" + threadId + "/runs/" + runId + "/steps", 200).get("data");
			assertThat(steps).allSatisfy(step -> assertThat(step.get("status").asString()).isEqualTo("failed"));
		}
	}

	private static String replyText(WebTestClient client, String threadId) {
		JsonNode reply = assistantMessage(client, threadId);
		return (reply != null) ? reply.at("/content/0/text/value").asString("") : "";
	}

	private static JsonNode assistantMessage(WebTestClient client, String threadId) {
		for (JsonNode message : Api.get(client, "/v1/threads/" + threadId + "/messages", 200).get("data")) {
			if (message.get("role").asString().equals("assistant")) {
				return message;
			}
		}
		return null;
	}

	private static String last(List<String> seen) {
		return seen.isEmpty() ? "" : seen.getLast();
	}

}
