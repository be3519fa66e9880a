package com.threadline.chat.system;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.threadline.chat.support.Api;
import com.threadline.chat.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Path variables convert to typed ids ({@code ThreadId}, {@code AssistantId},
 * {@code TenantId}): a real id finds its object, and an id that names nothing, however
 * odd, is OpenAI's 404 envelope, never a 400 or a 500.
 */
class TypedIdPathTests extends IntegrationTest {

	private static final String LONG = "thread_" + "x".repeat(293);

	private WebTestClient key;

	@BeforeEach
	void tenant() {
		this.key = this.api.as(this.api.newTenant("Typed ids").apiKey());
	}

	@Test
	void convertsPathVariablesToTheObjectsTheyName() {
		String assistant = Api.post(this.key, "/v1/assistants", Map.of("model", "m"), 200).get("id").asString();
		String thread = Api.post(this.key, "/v1/threads", Map.of(), 200).get("id").asString();
		Api.post(this.key, "/v1/threads/" + thread + "/messages", Map.of("role", "user", "content", "hi"), 200);

		assertThat(Api.get(this.key, "/v1/assistants/" + assistant, 200).get("id").asString()).isEqualTo(assistant);
		assertThat(Api.get(this.key, "/v1/threads/" + thread, 200).get("id").asString()).isEqualTo(thread);
		assertThat(Api.get(this.key, "/v1/threads/" + thread + "/messages", 200).get("data").size()).isOne();
		assertThat(Api.delete(this.key, "/v1/threads/" + thread, 200).get("id").asString()).isEqualTo(thread);
		assertThat(Api.delete(this.key, "/v1/assistants/" + assistant, 200).get("id").asString()).isEqualTo(assistant);
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = '|', textBlock = """
			GET    | /v1/threads/thread_x                     | thread    | thread_x
			GET    | /v1/threads/%20                          | thread    | ' '
			POST   | /v1/threads/%20                          | thread    | ' '
			DELETE | /v1/threads/thread_x                     | thread    | thread_x
			GET    | /v1/threads/thread_x/messages            | thread    | thread_x
			POST   | /v1/threads/%20/messages                 | thread    | ' '
			GET    | /v1/threads/thread_x/messages/msg_x      | thread    | thread_x
			GET    | /v1/assistants/thread_x                  | assistant | thread_x
			DELETE | /v1/assistants/%20                       | assistant | ' '
			""")
	void answersAnUnknownOrOddIdWithOpenAisNotFound(String method, String path, String kind, String id) {
		assertNotFound(this.key, method, path, kind, id);
	}

	@Test
	void answersAVeryLongIdWithOpenAisNotFound() {
		assertNotFound(this.key, "GET", "/v1/threads/" + LONG, "thread", LONG);
		assertNotFound(this.key, "GET", "/v1/threads/" + LONG + "/messages", "thread", LONG);
		assertNotFound(this.key, "GET", "/v1/assistants/" + LONG, "assistant", LONG);
	}

	@Test
	void answersAnUnknownTenantOfTheOperatorApiWithOpenAisNotFound() {
		assertNotFound(this.api.admin(), "POST", "/admin/tenants/thread_x/disable", "tenant", "thread_x");
		assertNotFound(this.api.admin(), "POST", "/admin/tenants/%20/api_keys", "tenant", " ");
		assertNotFound(this.api.admin(), "POST", "/admin/tenants/" + LONG + "/enable", "tenant", LONG);
	}

	private void assertNotFound(WebTestClient client, String method, String path, String kind, String id) {
		URI uri = URI.create("http://localhost:" + this.port + path);
		byte[] body = client.method(HttpMethod.valueOf(method))
			.uri(uri)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"role\":\"user\",\"content\":\"hi\"}")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.returnResult()
			.getResponseBody();
		JsonNode error = Api.json(new String(body, StandardCharsets.UTF_8)).get("error");
		assertThat(error.get("type").asString()).isEqualTo("invalid_request_error");
		assertThat(error.get("message").asString()).isEqualTo("No %s found with id '%s'.".formatted(kind, id));
		assertThat(error.get("param").isNull()).isTrue();
	}

}
