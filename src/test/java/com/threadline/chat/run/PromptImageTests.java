package com.threadline.chat.run;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import com.threadline.chat.support.Api;
import com.threadline.chat.support.Uploads;
import com.threadline.chat.support.IntegrationTest;
import com.threadline.chat.support.RecordedRequest;
import com.threadline.chat.support.Script;
import com.threadline.chat.support.TestImages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A thread's images reach the model as chat-completions content parts, in order with the
 * text and with their detail; a message of text alone still goes as a string.
 */
@Timeout(60)
class PromptImageTests extends IntegrationTest {

	static final String CAT = "https://images.example/cat.png";

	private RunFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new RunFixtures(this.api, "Vision");
	}

	@Test
	void sendsAnImageUrlWithItsDetailInOrderWithTheText() {
		List<JsonNode> parts = RecordedRequest.contentParts(lastUser(List.of(text("What is this?"),
				Map.of("type", "image_url", "image_url", Map.of("url", CAT, "detail", "low")), text("Be short."))));
		assertThat(parts).hasSize(3);
		assertThat(parts.get(0)).isEqualTo(Api.json("{\"type\":\"text\",\"text\":\"What is this?\"}"));
		assertThat(parts.get(1))
			.isEqualTo(Api.json("{\"type\":\"image_url\",\"image_url\":{\"url\":\"" + CAT + "\",\"detail\":\"low\"}}"));
		assertThat(parts.get(2)).isEqualTo(Api.json("{\"type\":\"text\",\"text\":\"Be short.\"}"));
	}

	@Test
	void sendsAMessageOfOnlyAnImageWithDetailAuto() {
		JsonNode user = lastUser(List.of(Map.of("type", "image_url", "image_url", Map.of("url", CAT))));
		assertThat(RecordedRequest.contentParts(user)).singleElement()
			.isEqualTo(
					Api.json("{\"type\":\"image_url\",\"image_url\":{\"url\":\"" + CAT + "\",\"detail\":\"auto\"}}"));
	}

	@Test
	void sendsTextOnlyContentAsAString() {
		JsonNode user = lastUser(List.of(text("Hello"), text(" there")));
		assertThat(user.path("content").isString()).isTrue();
		assertThat(user.path("content").asString()).isEqualTo("Hello there");
	}

	@Test
	void sendsAnAssistantMessageWithImagesAsItsText() {
		String thread = this.fixtures.thread("Draw it.");
		Api.post(this.fixtures.client, "/v1/threads/" + thread + "/messages", Map.of("role", "assistant", "content",
				List.of(text("Here:"), Map.of("type", "image_url", "image_url", Map.of("url", CAT)))), 200);
		Api.post(this.fixtures.client, "/v1/threads/" + thread + "/messages", Map.of("role", "assistant", "content",
				List.of(Map.of("type", "image_url", "image_url", Map.of("url", CAT)))), 200);
		List<JsonNode> messages = run(thread).messages();
		assertThat(messages).hasSize(3);
		assertThat(messages.get(2).path("role").asString()).isEqualTo("assistant");
		assertThat(messages.get(2).path("content").asString()).isEqualTo("Here:");
	}

	@Test
	void countsAnImageByItsDetailNotByItsDataUrl() {
		String dataUrl = "data:image/png;base64," + "A".repeat(200_000);
		String thread = this.fixtures.thread("m1 " + "x".repeat(1_000));
		Api.post(this.fixtures.client, "/v1/threads/" + thread + "/messages",
				Map.of("role", "user", "content",
						List.of(Map.of("type", "image_url", "image_url", Map.of("url", dataUrl, "detail", "low")))),
				200);
		// The system message is 6 tokens; the image 85 and the text before 250, plus 4
		// each: 343, within 360 but not 340. Counted as text the image alone would be
		// 50,004.
		RecordedRequest request = run(thread, Map.of("max_prompt_tokens", 340));
		assertThat(request.userMessages()).hasSize(1);
		assertThat(RecordedRequest.contentParts(request.userMessages().getFirst())).singleElement()
			.satisfies(part -> assertThat(part.path("image_url").path("url").asString()).isEqualTo(dataUrl));
		RecordedRequest wider = run(thread, Map.of("max_prompt_tokens", 360));
		assertThat(wider.userMessages()).hasSize(2);
	}

	@Test
	void sendsAnUploadedImageFileAsADataUrlOfItsBytesWithItsDetail() {
		byte[] png = TestImages.png(16, 9);
		String file = upload("chart.png", png).get("id").asString();
		JsonNode user = lastUser(List.of(text("And this?"),
				Map.of("type", "image_file", "image_file", Map.of("file_id", file, "detail", "high"))));
		List<JsonNode> parts = RecordedRequest.contentParts(user);
		assertThat(parts).hasSize(2);
		JsonNode image = parts.get(1).path("image_url");
		assertThat(image.path("detail").asString()).isEqualTo("high");
		String prefix = "data:image/png;base64,";
		assertThat(image.path("url").asString()).startsWith(prefix);
		assertThat(Base64.getDecoder().decode(image.path("url").asString().substring(prefix.length()))).isEqualTo(png);
	}

	@Test
	void leavesOutAGoneFileAndAFileThatIsNoImageWithANote() {
		// The message names real files (they are checked); one is deleted before the run.
		String gone = upload("gone.png", TestImages.png(4, 4)).get("id").asString();
		String notes = upload("notes.txt", "just text".getBytes(StandardCharsets.UTF_8)).get("id").asString();
		JsonNode user = lastUser(
				List.of(text("Compare:"), Map.of("type", "image_file", "image_file", Map.of("file_id", gone)),
						Map.of("type", "image_file", "image_file", Map.of("file_id", notes))),
				() -> Api.delete(this.fixtures.client, "/v1/files/" + gone, 200));
		assertThat(user.path("content").isString()).as("no image is left, so the content is text").isTrue();
		assertThat(user.path("content").asString()).startsWith("Compare:")
			.contains("[Image file '" + gone + "' is not available")
			.contains("[Image file '" + notes + "' is not available");
	}

	private JsonNode upload(String filename, byte[] bytes) {
		return Uploads.upload(this.fixtures.client, "vision", filename, bytes);
	}

	private JsonNode lastUser(List<Object> content) {
		return lastUser(content, () -> {
		});
	}

	private JsonNode lastUser(List<Object> content, Runnable beforeRun) {
		String thread = this.fixtures.thread("First.");
		Api.post(this.fixtures.client, "/v1/threads/" + thread + "/messages",
				Map.of("role", "user", "content", content), 200);
		beforeRun.run();
		List<JsonNode> users = run(thread).userMessages();
		assertThat(users).hasSize(2);
		assertThat(users.getFirst().path("content").asString()).isEqualTo("First.");
		return users.getLast();
	}

	private RecordedRequest run(String thread) {
		return run(thread, Map.of());
	}

	private RecordedRequest run(String thread, Map<String, Object> settings) {
		this.model.enqueue(Script.text("Ok."));
		Map<String, Object> body = new java.util.HashMap<>(settings);
		body.put("assistant_id", this.fixtures.assistant());
		String run = this.fixtures.run(thread, body).get("id").asString();
		assertThat(this.fixtures.awaitRun(thread, run).get("status").asString()).isEqualTo("completed");
		return this.model.lastRequest();
	}

	static Map<String, Object> text(String value) {
		return Map.of("type", "text", "text", value);
	}

}
