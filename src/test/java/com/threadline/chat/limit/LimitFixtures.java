package com.threadline.chat.limit;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.threadline.chat.support.Api;

/** A fresh tenant with its own limits, set through the operator API, and its objects. */
final class LimitFixtures {

	static final Map<String, Object> WEATHER = Map.of("type", "function", "function",
			Map.of("name", "get_weather", "description", "The weather in a city", "parameters",
					Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string")))));

	final Api api;

	final Api.Tenant tenant;

	final WebTestClient key;

	LimitFixtures(Api api, String name, Map<String, Object> limits) {
		this.api = api;
		this.tenant = api.newTenant(name);
		this.key = api.as(this.tenant.apiKey());
		Api.post(api.admin(), "/admin/tenants/" + this.tenant.id() + "/limits", limits, 200);
	}

	/** A response as a client sees it. */
	record Reply(int status, HttpHeaders headers, JsonNode body) {

		@Nullable String header(String name) {
			return this.headers.getFirst(name);
		}

	}

	WebTestClient user(String user) {
		return this.api.as(this.api.userToken(this.tenant, user));
	}

	/** An assistant with a client-side function: its runs wait in requires_action. */
	String assistant() {
		return Api
			.post(this.key, "/v1/assistants",
					Map.of("model", "gpt-test", "instructions", "Be brief.", "tools", List.of(WEATHER)), 200)
			.get("id")
			.asString();
	}

	String thread(WebTestClient client) {
		return Api
			.post(client, "/v1/threads", Map.of("messages", List.of(Map.of("role", "user", "content", "Hi"))), 200)
			.get("id")
			.asString();
	}

	static Reply post(WebTestClient client, String path, Object body) {
		return reply(client.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectBody(byte[].class)
			.returnResult());
	}

	static Reply get(WebTestClient client, String path) {
		return reply(client.get().uri(path).exchange().expectBody(byte[].class).returnResult());
	}

	private static Reply reply(EntityExchangeResult<byte[]> result) {
		byte[] body = result.getResponseBody();
		JsonNode json = Api.json((body != null && body.length > 0) ? new String(body) : "{}");
		return new Reply(result.getStatus().value(), result.getResponseHeaders(), json);
	}

	/** Polls the run until its status is {@code status}. */
	JsonNode awaitRun(String threadId, String runId, String status) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (true) {
			JsonNode run = Api.get(this.key, "/v1/threads/" + threadId + "/runs/" + runId, 200);
			if (run.get("status").asString().equals(status)) {
				return run;
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Run did not become " + status + ": " + run);
			}
			sleep(50);
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

}
