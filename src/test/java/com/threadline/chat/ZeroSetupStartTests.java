package com.threadline.chat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.FileSystemUtils;

import com.threadline.chat.support.Api;
import com.threadline.chat.support.FakeModelServer;
import com.threadline.chat.support.Script;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The zero-setup start from an empty home: the embedded PostgreSQL requires a password
 * (the app's superuser login is allowed there), the demo file is its owner's only, and
 * the demo assistant's {@code ask_database} logs in with its own derived password.
 */
@Timeout(300)
class ZeroSetupStartTests {

	private static final JsonMapper JSON = JsonMapper.shared();

	private static Path home;

	private static ConfigurableApplicationContext app;

	@BeforeAll
	static void start() throws IOException {
		home = Files.createTempDirectory("threadline-zero-setup-");
		app = new SpringApplicationBuilder(ThreadlineApplication.class).run("--server.port=0",
				"--chat.embedded-db.data-dir=" + home.resolve("pgdata"), "--chat.embedded-db.port=" + freePort(),
				"--chat.demo.file=" + home.resolve("demo.json"),
				"--chat.llm.base-url=" + FakeModelServer.shared().baseUrl(), "--chat.llm.api-key=test-key");
	}

	@AfterAll
	static void stop() throws IOException {
		if (app != null) {
			app.close();
		}
		FileSystemUtils.deleteRecursively(home);
	}

	@Test
	void startsOnAPasswordProtectedEmbeddedDatabaseAndTheDemoAsksItsDatabase() throws IOException {
		assertThat(mode(home.resolve("pgdata/threadline-password"))).isEqualTo("rw-------");
		assertThat(Files.readString(home.resolve("pgdata/pg_hba.conf"))).doesNotContain("trust");
		assertThat(mode(home.resolve("demo.json"))).isEqualTo("rw-------");

		Api api = new Api(((WebServerApplicationContext) app).getWebServer().getPort());
		JsonNode session = Api.json(new String(api.anonymous()
			.post()
			.uri("/demo/session")
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.returnResult()
			.getResponseBodyContent()));
		FakeModelServer model = FakeModelServer.shared();
		model.reset();
		model.enqueue(
				Script.toolCalls(Script.call("call_count", "ask_database",
						JSON.writeValueAsString(Map.of("query", "SELECT count(*) AS courses FROM courses")))),
				Script.text("There are 24 sessions."));
		WebTestClient user = api.as(session.get("token").asString());
		JsonNode run = Api.post(user, "/v1/threads/runs", Map.of("assistant_id", session.get("assistant_id").asString(),
				"thread", Map.of("messages", List.of(Map.of("role", "user", "content", "How many sessions?")))), 200);
		String path = "/v1/threads/" + run.get("thread_id").asString() + "/runs/" + run.get("id").asString();

		assertThat(awaitStatus(user, path)).isEqualTo("completed");
		JsonNode call = Api.get(user, path + "/steps?order=asc", 200).at("/data/0/step_details/tool_calls/0");
		assertThat(JSON.readTree(call.at("/function/output").asString()).at("/rows/0").toString()).contains("24");
	}

	private static String awaitStatus(WebTestClient user, String path) {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		String status = "";
		while (System.nanoTime() < deadline) {
			status = Api.get(user, path, 200).get("status").asString();
			if (List.of("completed", "failed", "requires_action", "incomplete", "expired").contains(status)) {
				return status;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		return status;
	}

	private static String mode(Path file) throws IOException {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
