package com.threadline.chat.file;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.web.reactive.server.WebTestClient;

import com.threadline.chat.support.Api;
import com.threadline.chat.support.Uploads;
import com.threadline.chat.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messages, threads and assistants refer only to files their caller may see, through
 * every path that creates them.
 */
class FileReferenceTests extends IntegrationTest {

	@Test
	void attachmentsNameFilesTheCallerMaySee() {
		Api.Tenant tenant = this.api.newTenant("Attach");
		WebTestClient key = this.api.as(tenant.apiKey());
		WebTestClient alice = this.api.as(this.api.userToken(tenant, "alice"));
		String hers = Uploads.upload(alice, "assistants", "a.csv", "a,b\n".getBytes()).get("id").asString();
		String tenants = Uploads.upload(key, "assistants", "t.csv", "t\n".getBytes()).get("id").asString();
		String thread = Api.post(alice, "/v1/threads", Map.of(), 200).get("id").asString();
		String messages = "/v1/threads/" + thread + "/messages";

		JsonNode message = Api.post(alice, messages, Map.of("role", "user", "content", "see file", "attachments",
				List.of(Map.of("file_id", hers, "tools", List.of(Map.of("type", "code_interpreter"))))), 200);
		assertThat(message.at("/attachments/0/file_id").asString()).isEqualTo(hers);

		assertError(
				Api.post(alice, messages,
						Map.of("role", "user", "content", "x", "attachments",
								List.of(Map.of("file_id", hers, "tools", List.of()),
										Map.of("file_id", tenants, "tools", List.of()))),
						400),
				"attachments[1].file_id", tenants);
		assertError(Api.post(alice, messages,
				Map.of("role", "user", "content", "x", "attachments", List.of(Map.of("file_id", "file-nope"))), 400),
				"attachments[0].file_id", "file-nope");
		assertThat(Api
			.post(alice, messages,
					Map.of("role", "user", "content", "x", "attachments", List.of(Map.of("tools", List.of()))), 400)
			.at("/error/param")
			.asString()).isEqualTo("attachments[0].file_id");
		assertThat(Api
			.post(alice, messages,
					Map.of("role", "user", "content", "x", "attachments",
							List.of(Map.of("file_id", hers, "tools", List.of(Map.of("type", "browser"))))),
					400)
			.at("/error/param")
			.asString()).isEqualTo("attachments[0].tools[0].type");
		List<Map<String, Object>> eleven = java.util.Collections.nCopies(11, Map.of("file_id", hers));
		assertThat(Api.post(alice, messages, Map.of("role", "user", "content", "x", "attachments", eleven), 400)
			.at("/error/param")
			.asString()).isEqualTo("attachments");

		// create thread, create thread and run, and a run's additional messages
		assertError(
				Api.post(alice, "/v1/threads",
						Map.of("messages",
								List.of(Map.of("role", "user", "content", "x", "attachments",
										List.of(Map.of("file_id", tenants))))),
						400),
				"messages[0].attachments[0].file_id", tenants);
		String assistant = Api.post(key, "/v1/assistants", Map.of("model", "m"), 200).get("id").asString();
		assertError(
				Api.post(alice, "/v1/threads/runs",
						Map.of("assistant_id", assistant, "thread",
								Map.of("messages",
										List.of(Map.of("role", "user", "content", "x", "attachments",
												List.of(Map.of("file_id", tenants)))))),
						400),
				"thread.messages[0].attachments[0].file_id", tenants);
		assertError(
				Api.post(alice, "/v1/threads/" + thread + "/runs",
						Map.of("assistant_id", assistant, "additional_messages",
								List.of(Map.of("role", "user", "content", "x", "attachments",
										List.of(Map.of("file_id", tenants))))),
						400),
				"additional_messages[0].attachments[0].file_id", tenants);
	}

	@Test
	void imageFilePartsNameFilesTheCallerMaySee() {
		Api.Tenant tenant = this.api.newTenant("Images");
		WebTestClient alice = this.api.as(this.api.userToken(tenant, "alice"));
		WebTestClient bob = this.api.as(this.api.userToken(tenant, "bob"));
		String image = Uploads.upload(alice, "vision", "p.png", FileApiTests.PNG).get("id").asString();
		String thread = Api.post(bob, "/v1/threads", Map.of(), 200).get("id").asString();
		String messages = "/v1/threads/" + thread + "/messages";
		assertError(
				Api.post(bob, messages,
						Map.of("role", "user", "content",
								List.of(Map.of("type", "text", "text", "what is it?"),
										Map.of("type", "image_file", "image_file", Map.of("file_id", image)))),
						400),
				"content[1].image_file.file_id", image);
		String own = Uploads.upload(bob, "vision", "q.png", FileApiTests.PNG).get("id").asString();
		Api.post(bob, messages,
				Map.of("role", "user", "content",
						List.of(Map.of("type", "image_file", "image_file", Map.of("file_id", own, "detail", "low")))),
				200);
		assertThat(Api
			.post(bob, messages, Map.of("role", "user", "content",
					List.of(Map.of("type", "image_file", "image_file", Map.of("file_id", own, "detail", "max")))), 400)
			.at("/error/param")
			.asString()).isEqualTo("content[0].image_file.detail");
		assertThat(Api
			.post(bob, messages,
					Map.of("role", "user", "content",
							List.of(Map.of("type", "image_url", "image_url",
									Map.of("url", "https://x.test/a.png", "detail", "")))),
					400)
			.at("/error/param")
			.asString()).isEqualTo("content[0].image_url.detail");
	}

	@Test
	void threadAndAssistantToolResourcesNameTheTenantsFiles() {
		Api.Tenant tenant = this.api.newTenant("Resources");
		WebTestClient key = this.api.as(tenant.apiKey());
		WebTestClient stranger = this.api.as(this.api.newTenant("Other").apiKey());
		String file = Uploads.upload(key, "assistants", "d.csv", "d\n".getBytes()).get("id").asString();
		String theirs = Uploads.upload(stranger, "assistants", "e.csv", "e\n".getBytes()).get("id").asString();
		Map<String, Object> good = Map.of("code_interpreter", Map.of("file_ids", List.of(file)));
		Map<String, Object> bad = Map.of("code_interpreter", Map.of("file_ids", List.of(file, theirs)));

		JsonNode thread = Api.post(key, "/v1/threads", Map.of("tool_resources", good), 200);
		assertThat(thread.at("/tool_resources/code_interpreter/file_ids/0").asString()).isEqualTo(file);
		assertError(Api.post(key, "/v1/threads", Map.of("tool_resources", bad), 400),
				"tool_resources.code_interpreter.file_ids[1]", theirs);
		assertError(Api.post(key, "/v1/threads/" + thread.get("id").asString(), Map.of("tool_resources", bad), 400),
				"tool_resources.code_interpreter.file_ids[1]", theirs);
		List<String> many = java.util.Collections.nCopies(21, file);
		assertThat(Api
			.post(key, "/v1/threads", Map.of("tool_resources", Map.of("code_interpreter", Map.of("file_ids", many))),
					400)
			.at("/error/param")
			.asString()).isEqualTo("tool_resources.code_interpreter.file_ids");

		JsonNode plain = Api.post(key, "/v1/assistants", Map.of("model", "m"), 200);
		assertThat(plain.get("tool_resources").toString()).isEqualTo("{}");
		JsonNode assistant = Api.post(key, "/v1/assistants",
				Map.of("model", "m", "tools", List.of(Map.of("type", "code_interpreter")), "tool_resources", good),
				200);
		assertThat(assistant.at("/tool_resources/code_interpreter/file_ids").toString())
			.isEqualTo("[\"%s\"]".formatted(file));
		assertError(Api.post(key, "/v1/assistants", Map.of("model", "m", "tool_resources", bad), 400),
				"tool_resources.code_interpreter.file_ids[1]", theirs);
		assertError(
				Api.post(key, "/v1/assistants/" + assistant.get("id").asString(), Map.of("tool_resources", bad), 400),
				"tool_resources.code_interpreter.file_ids[1]", theirs);
		assertThat(Api.get(key, "/v1/assistants/" + assistant.get("id").asString(), 200)
			.at("/tool_resources/code_interpreter/file_ids/0")
			.asString()).isEqualTo(file);
	}

	private static void assertError(JsonNode body, String param, String fileId) {
		assertThat(body.at("/error/param").asString()).isEqualTo(param);
		assertThat(body.at("/error/message").asString()).isEqualTo("No file found with id '%s'.".formatted(fileId));
		assertThat(body.at("/error/type").asString()).isEqualTo("invalid_request_error");
	}

}
