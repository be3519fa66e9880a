package com.threadline.chat.file;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.threadline.chat.support.Api;
import com.threadline.chat.support.Uploads;
import com.threadline.chat.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class FileApiTests extends IntegrationTest {

	/** The eight-byte PNG signature and the start of an IHDR chunk. */
	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0,
			0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, (byte) 0xc4, (byte) 0x89 };

	@Test
	void uploadsReadsAndDeletesAFile() {
		WebTestClient client = this.api.as(this.api.newTenant("Files").apiKey());
		byte[] bytes = "course,room\nmath,101\n".getBytes(StandardCharsets.UTF_8);
		JsonNode file = Uploads.upload(client, "assistants", "courses.csv", bytes);
		String id = file.get("id").asString();
		assertThat(id).startsWith("file-").hasSize(29);
		assertThat(file.get("object").asString()).isEqualTo("file");
		assertThat(file.get("bytes").asLong()).isEqualTo(bytes.length);
		assertThat(file.get("filename").asString()).isEqualTo("courses.csv");
		assertThat(file.get("purpose").asString()).isEqualTo("assistants");
		assertThat(file.get("status").asString()).isEqualTo("processed");
		assertThat(file.has("expires_at")).isTrue();
		assertThat(file.get("expires_at").isNull()).isTrue();
		assertThat(file.has("media_type")).isFalse();
		assertThat(file.has("user")).isFalse();
		assertThat(Api.get(client, "/v1/files/" + id, 200)).isEqualTo(file);

		EntityExchangeResult<byte[]> content = client.get()
			.uri("/v1/files/{id}/content", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult();
		assertThat(content.getResponseBody()).isEqualTo(bytes);
		assertThat(content.getResponseHeaders().getContentType().toString()).startsWith("text/csv");
		assertThat(content.getResponseHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(content.getResponseHeaders().getFirst("Content-Disposition"))
			.isEqualTo("attachment; filename*=UTF-8''courses.csv");

		JsonNode deleted = Api.delete(client, "/v1/files/" + id, 200);
		assertThat(deleted.toString()).isEqualTo("{\"id\":\"%s\",\"object\":\"file\",\"deleted\":true}".formatted(id));
		Api.get(client, "/v1/files/" + id, 404);
		Api.get(client, "/v1/files/" + id + "/content", 404);
		Api.delete(client, "/v1/files/" + id, 404);
	}

	@Test
	void detectsTheTypeFromTheBytesNotTheNameOrTheClaim() {
		WebTestClient client = this.api.as(this.api.newTenant("Detect").apiKey());
		JsonNode file = Uploads.expect(Uploads.send(client, "vision", "x.txt", PNG, MediaType.TEXT_PLAIN), 200);
		client.get()
			.uri("/v1/files/{id}/content", file.get("id").asString())
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.IMAGE_PNG);
	}

	@Test
	void listsByPurposeAndPagesInBothOrders() {
		WebTestClient client = this.api.as(this.api.newTenant("Lists").apiKey());
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			String purpose = (i % 2 == 0) ? "assistants" : "user_data";
			ids.add(Uploads.upload(client, purpose, "f%d.txt".formatted(i), ("file " + i).getBytes())
				.get("id")
				.asString());
		}
		JsonNode all = Api.get(client, "/v1/files", 200);
		assertThat(all.get("object").asString()).isEqualTo("list");
		assertThat(ids(all)).containsExactlyElementsOf(ids.reversed());
		assertThat(all.get("has_more").asBoolean()).isFalse();
		assertThat(ids(Api.get(client, "/v1/files?purpose=assistants&order=asc", 200))).containsExactly(ids.get(0),
				ids.get(2), ids.get(4));
		assertThat(ids(Api.get(client, "/v1/files?purpose=user_data", 200))).containsExactly(ids.get(3), ids.get(1));
		assertThat(ids(Api.get(client, "/v1/files?purpose=assistants_output", 200))).isEmpty();

		JsonNode first = Api.get(client, "/v1/files?limit=2&order=asc", 200);
		assertThat(ids(first)).containsExactly(ids.get(0), ids.get(1));
		assertThat(first.get("has_more").asBoolean()).isTrue();
		assertThat(first.get("last_id").asString()).isEqualTo(ids.get(1));
		JsonNode next = Api.get(client, "/v1/files?limit=2&order=asc&after=" + ids.get(1), 200);
		assertThat(ids(next)).containsExactly(ids.get(2), ids.get(3));
		JsonNode down = Api.get(client, "/v1/files?limit=3&after=" + ids.get(3), 200);
		assertThat(ids(down)).containsExactly(ids.get(2), ids.get(1), ids.get(0));
		assertThat(down.get("has_more").asBoolean()).isFalse();

		assertThat(Api.get(client, "/v1/files?limit=0", 400).at("/error/param").asString()).isEqualTo("limit");
		assertThat(Api.get(client, "/v1/files?limit=10001", 400).at("/error/param").asString()).isEqualTo("limit");
		Api.get(client, "/v1/files?limit=10000", 200);
		assertThat(Api.get(client, "/v1/files?order=up", 400).at("/error/param").asString()).isEqualTo("order");
		assertThat(Api.get(client, "/v1/files?purpose=fine-tune", 400).at("/error/param").asString())
			.isEqualTo("purpose");
	}

	@Test
	void aUserSeesOnlyItsOwnFilesAndTheApiKeyAll() {
		Api.Tenant tenant = this.api.newTenant("Owners");
		WebTestClient key = this.api.as(tenant.apiKey());
		WebTestClient alice = this.api.as(this.api.userToken(tenant, "alice"));
		WebTestClient bob = this.api.as(this.api.userToken(tenant, "bob"));
		WebTestClient stranger = this.api.as(this.api.newTenant("Stranger").apiKey());
		String mine = Uploads.upload(alice, "assistants", "alice.txt", "alice's".getBytes()).get("id").asString();
		String tenants = Uploads.upload(key, "assistants", "tenant.txt", "tenant's".getBytes()).get("id").asString();

		assertThat(ids(Api.get(alice, "/v1/files", 200))).containsExactly(mine);
		assertThat(ids(Api.get(bob, "/v1/files", 200))).isEmpty();
		assertThat(ids(Api.get(key, "/v1/files", 200))).containsExactly(tenants, mine);
		assertThat(ids(Api.get(stranger, "/v1/files", 200))).isEmpty();
		for (WebTestClient other : List.of(bob, stranger)) {
			Api.get(other, "/v1/files/" + mine, 404);
			Api.get(other, "/v1/files/" + mine + "/content", 404);
			Api.delete(other, "/v1/files/" + mine, 404);
		}
		Api.get(alice, "/v1/files/" + tenants, 404);
		key.get().uri("/v1/files/{id}/content", mine).exchange().expectStatus().isOk();
		Api.get(alice, "/v1/files/" + mine, 200);
		Api.delete(key, "/v1/files/" + mine, 200);
		Api.get(alice, "/v1/files/" + mine, 404);
	}

	static List<String> ids(JsonNode page) {
		List<String> ids = new ArrayList<>();
		page.get("data").forEach(file -> ids.add(file.get("id").asString()));
		return ids;
	}

}
