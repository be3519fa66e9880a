package com.threadline.chat.run;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import org.springframework.test.web.reactive.server.WebTestClient;

import com.threadline.chat.support.Api;

/** Assistants, threads and runs of one fresh tenant, made through the HTTP API. */
final class RunFixtures {

	static final Set<String> SETTLED = Set.of("requires_action", "completed", "incomplete", "failed", "cancelled",
			"expired");

	static final Map<String, Object> WEATHER = Map.of("type", "function", "function",
			Map.of("name", "get_weather", "description", "The weather in a city", "parameters",
					Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string")))));

	final Api api;

	final Api.Tenant tenant;

	final WebTestClient client;

	RunFixtures(Api api, String tenantName) {
		this(api, api.newTenant(tenantName));
	}

	RunFixtures(Api api, Api.Tenant tenant) {
		this.api = api;
		this.tenant = tenant;
		this.client = api.as(tenant.apiKey());
	}

	String assistant(Map<String, Object> settings) {
		Map<String, Object> body = new HashMap<>(Map.of("model", "gpt-test", "instructions", "Be brief."));
		body.putAll(settings);
		return Api.post(this.client, "/v1/assistants", body, 200).get("id").asString();
	}

	String assistant() {
		return assistant(Map.of());
	}

	String thread(String... userMessages) {
		List<Map<String, String>> messages = java.util.Arrays.stream(userMessages)
			.map(text -> Map.of("role", "user", "content", text))
			.toList();
		return Api.post(this.client, "/v1/threads", Map.of("messages", messages), 200).get("id").asString();
	}

	JsonNode run(String threadId, Map<String, Object> body) {
		return Api.post(this.client, "/v1/threads/" + threadId + "/runs", body, 200);
	}

	JsonNode getRun(String threadId, String runId) {
		return Api.get(this.client, "/v1/threads/" + threadId + "/runs/" + runId, 200);
	}

	/** Polls the run until it has settled (ended or waiting for tool outputs). */
	JsonNode awaitRun(String threadId, String runId) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (true) {
			JsonNode run = getRun(threadId, runId);
			if (SETTLED.contains(run.get("status").asString())) {
				return run;
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Run did not settle: " + run);
			}
			sleep(50);
		}
	}

	EventStream stream(String path, Map<String, Object> body) {
		return EventStream.post(this.api.baseUrl() + path, this.tenant.apiKey(), body);
	}

	JsonNode messages(String threadId) {
		return Api.get(this.client, "/v1/threads/" + threadId + "/messages?order=asc", 200).get("data");
	}

	JsonNode steps(String threadId, String runId) {
		return Api.get(this.client, "/v1/threads/" + threadId + "/runs/" + runId + "/steps?order=asc", 200).get("data");
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
