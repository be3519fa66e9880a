package com.threadline.chat.assistant;

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

class AssistantApiTests extends IntegrationTest {

	private WebTestClient client;

	@BeforeEach
	void tenant() {
		this.client = this.api.as(this.api.newTenant("Assistants").apiKey());
	}

	@Test
	void createsReadsModifiesAndDeletesInOpenAiShape() {
		JsonNode created = Api.post(
				this.client, "/v1/assistants", Map.of("model", "gpt-4o-mini", "name", "瓜瓜", "instructions", "你叫瓜瓜。",
						"tools", List.of(Map.of("type", "code_interpreter")), "metadata", Map.of("course", "agi")),
				200);
		String id = created.get("id").asString();
		assertThat(id).startsWith("asst_").hasSize(29);
		assertThat(created.get("object").asString()).isEqualTo("assistant");
		assertThat(created.get("created_at").asLong()).isCloseTo(System.currentTimeMillis() / 1000,
				org.assertj.core.data.Offset.offset(60L));
		assertThat(created.get("tools").get(0).get("type").asString()).isEqualTo("code_interpreter");
		assertThat(created.get("response_format").asString()).isEqualTo("auto");
		assertThat(created.get("temperature").asDouble()).isEqualTo(1.0);

		JsonNode modified = Api.post(this.client, "/v1/assistants/" + id,
				Map.of("name", "Gua", "metadata", Map.of("k", "v"), "temperature", 0.2), 200);
		assertThat(modified.get("name").asString()).isEqualTo("Gua");
		assertThat(modified.get("instructions").asString()).isEqualTo("你叫瓜瓜。");
		assertThat(modified.get("metadata").toString()).isEqualTo("{\"k\":\"v\"}");
		assertThat(Api.get(this.client, "/v1/assistants/" + id, 200).get("temperature").asDouble()).isEqualTo(0.2);

		JsonNode deleted = Api.delete(this.client, "/v1/assistants/" + id, 200);
		assertThat(deleted.get("object").asString()).isEqualTo("assistant.deleted");
		assertThat(deleted.get("deleted").asBoolean()).isTrue();
		JsonNode missing = Api.get(this.client, "/v1/assistants/" + id, 404);
		assertThat(missing.at("/error/message").asString()).isEqualTo("No assistant found with id '%s'.".formatted(id));
	}

	@Test
	void listsWithCursorsInBothOrders() {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			ids.add(Api.post(this.client, "/v1/assistants", Map.of("model", "m", "name", "a" + i), 200)
				.get("id")
				.asString());
		}
		JsonNode first = Api.get(this.client, "/v1/assistants?limit=2", 200);
		assertThat(idsOf(first)).containsExactly(ids.get(4), ids.get(3));
		assertThat(first.get("has_more").asBoolean()).isTrue();
		assertThat(first.get("first_id").asString()).isEqualTo(ids.get(4));
		assertThat(first.get("last_id").asString()).isEqualTo(ids.get(3));
		JsonNode asc = Api.get(this.client, "/v1/assistants?order=asc&limit=3&after=" + ids.get(0), 200);
		assertThat(idsOf(asc)).containsExactly(ids.get(1), ids.get(2), ids.get(3));
		assertThat(asc.get("has_more").asBoolean()).isTrue();
	}

	@Test
	void rejectsInvalidInputNamingTheParameter() {
		assertThat(param(Api.post(this.client, "/v1/assistants", Map.of("name", "x"), 400))).isEqualTo("model");
		assertThat(param(Api.post(this.client, "/v1/assistants", Map.of("model", "m", "name", "n".repeat(257)), 400)))
			.isEqualTo("name");
		assertThat(param(Api.post(this.client, "/v1/assistants",
				Map.of("model", "m", "instructions", "i".repeat(256_001)), 400)))
			.isEqualTo("instructions");
		assertThat(param(Api.post(this.client, "/v1/assistants",
				Map.of("model", "m", "tools", List.of(Map.of("type", "web_browser"))), 400)))
			.isEqualTo("tools[0].type");
		assertThat(param(Api.post(this.client, "/v1/assistants", Map.of("model", "m", "temperature", 3), 400)))
			.isEqualTo("temperature");
		assertThat(param(Api.post(this.client, "/v1/assistants", "{\"model\": \"m\", \"tools\": \"x\"}", 400)))
			.isEqualTo("tools");
		assertThat(param(Api.post(this.client, "/v1/assistants", "{\"model\": [1]}", 400))).isEqualTo("model");
		assertThat(param(Api.get(this.client, "/v1/assistants?limit=101", 400))).isEqualTo("limit");
		assertThat(param(Api.get(this.client, "/v1/assistants?order=sideways", 400))).isEqualTo("order");
	}

	@Test
	void userTokensMayReadButNotWriteAssistants() {
		Api.Tenant tenant = this.api.newTenant("Readers");
		String id = Api.post(this.api.as(tenant.apiKey()), "/v1/assistants", Map.of("model", "m"), 200)
			.get("id")
			.asString();
		WebTestClient user = this.api.as(this.api.userToken(tenant, "reader"));
		Api.get(user, "/v1/assistants/" + id, 200);
		Api.get(user, "/v1/assistants", 200);
		Api.post(user, "/v1/assistants", Map.of("model", "m"), 404);
		Api.post(user, "/v1/assistants/" + id, Map.of("name", "x"), 404);
		Api.delete(user, "/v1/assistants/" + id, 404);
		assertThat(Api.get(user, "/v1/assistants/" + id, 200).get("name").isNull()).isTrue();
	}

	private static List<String> idsOf(JsonNode list) {
		List<String> ids = new ArrayList<>();
		list.get("data").forEach(item -> ids.add(item.get("id").asString()));
		return ids;
	}

	private static String param(JsonNode error) {
		assertThat(error.at("/error/type").asString()).isEqualTo("invalid_request_error");
		assertThat(error.at("/error/message").asString()).isNotBlank();
		return error.at("/error/param").asString();
	}

}
