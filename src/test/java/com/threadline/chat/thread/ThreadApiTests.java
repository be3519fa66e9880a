package com.threadline.chat.thread;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.web.reactive.server.WebTestClient;

import com.threadline.chat.support.Api;
import com.threadline.chat.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class ThreadApiTests extends IntegrationTest {

	private Api.Tenant tenant;

	private WebTestClient key;

	@BeforeEach
	void tenant() {
		this.tenant = this.api.newTenant("Threads");
		this.key = this.api.as(this.tenant.apiKey());
	}

	@Test
	void createsThreadWithInitialMessagesInOrder() {
		JsonNode thread = Api.post(this.key, "/v1/threads",
				Map.of("metadata", Map.of("fullname", "王卓然", "username", "taliux"), "messages",
						List.of(Map.of("role", "user", "content", "你好"),
								Map.of("role", "assistant", "content", "有什么可以帮您？"),
								Map.of("role", "user", "content", "你是谁？"))),
				200);
		String id = thread.get("id").asString();
		assertThat(id).startsWith("thread_");
		assertThat(thread.get("object").asString()).isEqualTo("thread");
		assertThat(thread.get("metadata").get("fullname").asString()).isEqualTo("王卓然");
		assertThat(thread.get("tool_resources").isObject()).isTrue();

		JsonNode messages = Api.get(this.key, "/v1/threads/" + id + "/messages", 200);
		assertThat(texts(messages)).containsExactly("你是谁？", "有什么可以帮您？", "你好");
		JsonNode message = messages.get("data").get(0);
		assertThat(message.get("object").asString()).isEqualTo("thread.message");
		assertThat(message.get("thread_id").asString()).isEqualTo(id);
		assertThat(message.get("content").get(0).get("text").get("annotations").isArray()).isTrue();
		assertThat(message.get("assistant_id").isNull()).isTrue();
		assertThat(message.get("run_id").isNull()).isTrue();
	}

	@Test
	void createsEmptyThreadWithoutBody() {
		byte[] body = this.key.post()
			.uri("/v1/threads")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
		assertThat(Api.json(new String(body)).get("metadata").isEmpty()).isTrue();
	}

	@Test
	void modifiesAndDeletesThreadsAndTheirMessages() {
		String id = Api
			.post(this.key, "/v1/threads", Map.of("messages", List.of(Map.of("role", "user", "content", "hi"))), 200)
			.get("id")
			.asString();
		assertThat(Api.post(this.key, "/v1/threads/" + id, Map.of("metadata", Map.of("a", "b")), 200)
			.get("metadata")
			.get("a")
			.asString()).isEqualTo("b");
		String messageId = Api.get(this.key, "/v1/threads/" + id + "/messages", 200)
			.get("data")
			.get(0)
			.get("id")
			.asString();
		JsonNode deleted = Api.delete(this.key, "/v1/threads/" + id, 200);
		assertThat(deleted.get("object").asString()).isEqualTo("thread.deleted");
		Api.get(this.key, "/v1/threads/" + id, 404);
		Api.get(this.key, "/v1/threads/" + id + "/messages/" + messageId, 404);
	}

	@Test
	void messagesSupportTextPartsMetadataAndDeletion() {
		String thread = Api.post(this.key, "/v1/threads", Map.of(), 200).get("id").asString();
		JsonNode message = Api.post(this.key, "/v1/threads/" + thread + "/messages",
				Map.of("role", "user", "content",
						List.of(Map.of("type", "text", "text", "part one "),
								Map.of("type", "text", "text", "part two")),
						"metadata", Map.of("source", "test")),
				200);
		String id = message.get("id").asString();
		assertThat(id).startsWith("msg_");
		assertThat(message.get("content")).hasSize(2);
		assertThat(message.get("status").asString()).isEqualTo("completed");
		assertThat(Api.get(this.key, "/v1/threads/" + thread + "/messages/" + id, 200)
			.get("metadata")
			.get("source")
			.asString()).isEqualTo("test");
		assertThat(Api
			.post(this.key, "/v1/threads/" + thread + "/messages/" + id, Map.of("metadata", Map.of("x", "y")), 200)
			.get("metadata")
			.toString()).isEqualTo("{\"x\":\"y\"}");
		assertThat(Api.delete(this.key, "/v1/threads/" + thread + "/messages/" + id, 200).get("object").asString())
			.isEqualTo("thread.message.deleted");
		Api.get(this.key, "/v1/threads/" + thread + "/messages/" + id, 404);
	}

	@Test
	void paginatesMessagesInBothDirectionsAndOrders() {
		String thread = Api.post(this.key, "/v1/threads", Map.of(), 200).get("id").asString();
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			ids.add(Api
				.post(this.key, "/v1/threads/" + thread + "/messages", Map.of("role", "user", "content", "m" + i), 200)
				.get("id")
				.asString());
		}
		String path = "/v1/threads/" + thread + "/messages?limit=2";
		JsonNode page1 = Api.get(this.key, path, 200);
		assertThat(texts(page1)).containsExactly("m4", "m3");
		assertThat(page1.get("has_more").asBoolean()).isTrue();
		JsonNode page2 = Api.get(this.key, path + "&after=" + page1.get("last_id").asString(), 200);
		assertThat(texts(page2)).containsExactly("m2", "m1");
		JsonNode page3 = Api.get(this.key, path + "&after=" + page2.get("last_id").asString(), 200);
		assertThat(texts(page3)).containsExactly("m0");
		assertThat(page3.get("has_more").asBoolean()).isFalse();
		// Backwards from page 3 with 'before' gives page 2 again, in the same order.
		JsonNode back = Api.get(this.key, path + "&before=" + page3.get("first_id").asString(), 200);
		assertThat(texts(back)).containsExactly("m2", "m1");
		assertThat(back.get("has_more").asBoolean()).isTrue();

		JsonNode asc = Api.get(this.key, "/v1/threads/" + thread + "/messages?order=asc&limit=2&after=" + ids.get(1),
				200);
		assertThat(texts(asc)).containsExactly("m2", "m3");
		JsonNode ascBack = Api.get(this.key,
				"/v1/threads/" + thread + "/messages?order=asc&limit=2&before=" + ids.get(4), 200);
		assertThat(texts(ascBack)).containsExactly("m2", "m3");
		JsonNode between = Api.get(this.key,
				"/v1/threads/" + thread + "/messages?order=asc&after=" + ids.get(0) + "&before=" + ids.get(3), 200);
		assertThat(texts(between)).containsExactly("m1", "m2");
		assertThat(Api.get(this.key, "/v1/threads/" + thread + "/messages?after=msg_nope", 400)
			.at("/error/param")
			.asString()).isEqualTo("after");
	}

	@Test
	void listsOnlyTheCallersOwnThreadsNewestFirst() {
		String alice = this.api.userToken(this.tenant, "alice");
		String bob = this.api.userToken(this.tenant, "bob");
		String a1 = Api.post(this.api.as(alice), "/v1/threads", Map.of(), 200).get("id").asString();
		String a2 = Api.post(this.api.as(alice), "/v1/threads", Map.of(), 200).get("id").asString();
		JsonNode b1 = Api.post(this.api.as(bob), "/v1/threads", Map.of("user", "alice"), 200);
		assertThat(b1.get("user").asString()).as("a user token always owns what it creates").isEqualTo("bob");
		String forCarol = Api.post(this.key, "/v1/threads", Map.of("user", "carol"), 200).get("id").asString();

		assertThat(idsOf(Api.get(this.api.as(alice), "/v1/threads", 200))).containsExactly(a2, a1);
		assertThat(idsOf(Api.get(this.api.as(bob), "/v1/threads", 200))).containsExactly(b1.get("id").asString());
		assertThat(idsOf(Api.get(this.api.as(alice), "/v1/threads?user=bob", 200))).as("users cannot filter for others")
			.containsExactly(a2, a1);
		assertThat(idsOf(Api.get(this.key, "/v1/threads", 200))).containsExactly(forCarol, b1.get("id").asString(), a2,
				a1);
		assertThat(idsOf(Api.get(this.key, "/v1/threads?user=alice&limit=1", 200))).containsExactly(a2);
		assertThat(idsOf(Api.get(this.api.as(this.api.userToken(this.tenant, "carol")), "/v1/threads", 200)))
			.containsExactly(forCarol);
	}

	@Test
	void rejectsBadMessagesAndMetadata() {
		String thread = Api.post(this.key, "/v1/threads", Map.of(), 200).get("id").asString();
		String messages = "/v1/threads/" + thread + "/messages";
		assertThat(param(Api.post(this.key, messages, Map.of("role", "system", "content", "x"), 400)))
			.isEqualTo("role");
		assertThat(param(Api.post(this.key, messages, Map.of("content", "x"), 400))).isEqualTo("role");
		assertThat(param(Api.post(this.key, messages, Map.of("role", "user"), 400))).isEqualTo("content");
		assertThat(param(Api.post(this.key, messages, Map.of("role", "user", "content", ""), 400)))
			.isEqualTo("content");
		assertThat(param(Api.post(this.key, messages, Map.of("role", "user", "content", "x".repeat(256_001)), 400)))
			.isEqualTo("content");
		assertThat(param(Api.post(this.key, messages,
				Map.of("role", "user", "content", List.of(Map.of("type", "audio", "audio", "x"))), 400)))
			.isEqualTo("content[0].type");
		assertThat(
				param(Api.post(this.key, messages, "{\"role\": \"user\", \"content\": \"x\", \"metadata\": []}", 400)))
			.isEqualTo("metadata");
		Map<String, String> tooMany = new java.util.HashMap<>();
		for (int i = 0; i < 17; i++) {
			tooMany.put("k" + i, "v");
		}
		assertThat(param(Api.post(this.key, "/v1/threads", Map.of("metadata", tooMany), 400))).isEqualTo("metadata");
		assertThat(param(Api.post(this.key, "/v1/threads", Map.of("metadata", Map.of("k".repeat(65), "v")), 400)))
			.isEqualTo("metadata");
		assertThat(param(Api.post(this.key, "/v1/threads", Map.of("metadata", Map.of("k", "v".repeat(513))), 400)))
			.isEqualTo("metadata.k");
		assertThat(param(Api.post(this.key, "/v1/threads",
				Map.of("messages",
						List.of(Map.of("role", "user", "content", "ok"), Map.of("role", "tool", "content", "x"))),
				400)))
			.isEqualTo("messages[1].role");
		assertThat(Api.get(this.key, "/v1/threads", 200).get("data")).as("the rejected thread was not created")
			.hasSize(1);
		Api.post(this.key, messages, "{not json", 400);
		assertThat(Api.get(this.key, messages, 200).get("data")).isEmpty();
	}

	@Test
	void acceptsTheLongestContentInMultiByteText() {
		String thread = Api.post(this.key, "/v1/threads", Map.of(), 200).get("id").asString();
		String longest = "课".repeat(256_000);
		JsonNode message = Api.post(this.key, "/v1/threads/" + thread + "/messages",
				Map.of("role", "user", "content", longest), 200);
		assertThat(message.get("content").get(0).get("text").get("value").asString()).isEqualTo(longest);
	}

	@Test
	void oversizedBodiesAreRejectedWithoutAServerError() {
		String thread = Api.post(this.key, "/v1/threads", Map.of(), 200).get("id").asString();
		String huge = "{\"role\":\"user\",\"content\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}";
		int status = this.key.post()
			.uri("/v1/threads/" + thread + "/messages")
			.header("Content-Type", "application/json")
			.bodyValue(huge)
			.exchange()
			.returnResult(String.class)
			.getStatus()
			.value();
		assertThat(status).isIn(400, 413);
	}

	private static List<String> texts(JsonNode list) {
		List<String> texts = new ArrayList<>();
		list.get("data").forEach(m -> texts.add(m.get("content").get(0).get("text").get("value").asString()));
		return texts;
	}

	private static List<String> idsOf(JsonNode list) {
		List<String> ids = new ArrayList<>();
		list.get("data").forEach(item -> ids.add(item.get("id").asString()));
		return ids;
	}

	private static String param(JsonNode error) {
		assertThat(error.at("/error/type").asString()).isEqualTo("invalid_request_error");
		return error.at("/error/param").asString();
	}

}
