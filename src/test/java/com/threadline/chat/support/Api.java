package com.threadline.chat.support;

import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A real HTTP client for the running application, with shortcuts for the set-up most
 * tests need.
 */
public final class Api {

	private static final JsonMapper JSON = JsonMapper.shared();

	private final int port;

	public Api(int port) {
		this.port = port;
	}

	/** A tenant made through the operator API, with its API key. */
	public record Tenant(String id, String apiKey) {
	}

	public int port() {
		return this.port;
	}

	public String baseUrl() {
		return "http://localhost:" + this.port;
	}

	public WebTestClient anonymous() {
		return WebTestClient.bindToServer()
			.baseUrl(baseUrl())
			.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(8 * 1024 * 1024))
			.responseTimeout(Duration.ofSeconds(30))
			.build();
	}

	/** A client that sends {@code credential} as a bearer token. */
	public WebTestClient as(String credential) {
		return WebTestClient.bindToServer()
			.baseUrl(baseUrl())
			.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(8 * 1024 * 1024))
			.responseTimeout(Duration.ofSeconds(30))
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + credential)
			.defaultHeader("OpenAI-Beta", "assistants=v2")
			.build();
	}

	public WebTestClient admin() {
		return as(IntegrationTest.ADMIN_TOKEN);
	}

	public Tenant newTenant(String name) {
		JsonNode body = post(admin(), "/admin/tenants", Map.of("name", name), 201);
		return new Tenant(body.get("id").asString(), body.get("api_key").asString());
	}

	public String userToken(Tenant tenant, String user) {
		return post(as(tenant.apiKey()), "/v1/user_tokens", Map.of("user", user), 201).get("token").asString();
	}

	/**
	 * POSTs {@code body} as JSON, expects {@code status} and returns the response body.
	 */
	public static JsonNode post(WebTestClient client, String path, Object body, int status) {
		return expect(client.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue((body instanceof String s) ? s : JSON.writeValueAsString(body))
			.exchange(), status);
	}

	/** GETs {@code path}, expects {@code status} and returns the response body. */
	public static JsonNode get(WebTestClient client, String path, int status) {
		return expect(client.get().uri(path).exchange(), status);
	}

	/** DELETEs {@code path}, expects {@code status} and returns the response body. */
	public static JsonNode delete(WebTestClient client, String path, int status) {
		return expect(client.delete().uri(path).exchange(), status);
	}

	private static JsonNode expect(WebTestClient.ResponseSpec response, int status) {
		byte[] bytes = response.expectStatus().isEqualTo(status).expectBody().returnResult().getResponseBody();
		return JSON.readTree(bytes);
	}

	public static JsonNode json(String text) {
		return JSON.readTree(text);
	}

}
