package com.threadline.chat.system;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.threadline.chat.support.Api;
import com.threadline.chat.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformEndpointsTests extends IntegrationTest {

	@Test
	void healthIsUp() {
		assertThat(Api.get(this.api.anonymous(), "/actuator/health", 200).get("status").asString()).isEqualTo("UP");
	}

	@Test
	void openApiDocumentListsEveryEndpoint() {
		JsonNode paths = Api.get(this.api.anonymous(), "/v3/api-docs", 200).get("paths");
		List.of("/admin/tenants", "/admin/tenants/{tenantId}/api_keys", "/admin/tenants/{tenantId}/disable",
				"/v1/user_tokens", "/v1/assistants", "/v1/assistants/{assistantId}", "/v1/threads",
				"/v1/threads/{threadId}", "/v1/threads/{threadId}/messages",
				"/v1/threads/{threadId}/messages/{messageId}", "/v1/courses", "/v1/threads/runs",
				"/v1/threads/{threadId}/runs", "/v1/threads/{threadId}/runs/{runId}",
				"/v1/threads/{threadId}/runs/{runId}/cancel", "/v1/threads/{threadId}/runs/{runId}/submit_tool_outputs",
				"/v1/threads/{threadId}/runs/{runId}/steps", "/v1/threads/{threadId}/runs/{runId}/steps/{stepId}",
				"/v1/threads/{threadId}/runs/{runId}/events", "/demo/session")
			.forEach(path -> assertThat(paths.has(path)).as(path).isTrue());
	}

	@Test
	void unknownRoutesAndMethodsAnswerInTheOpenAiEnvelope() {
		JsonNode missing = Api.get(this.api.anonymous(), "/no/such/route", 404);
		assertThat(missing.at("/error/type").asString()).isEqualTo("invalid_request_error");
		String key = this.api.newTenant("Methods").apiKey();
		JsonNode wrongMethod = Api.delete(this.api.as(key), "/v1/courses", 405);
		assertThat(wrongMethod.at("/error/message").asString()).isNotBlank();
	}

	@Test
	void acceptsTheOpenAiBetaHeader() {
		String key = this.api.newTenant("Beta").apiKey();
		this.api.as(key)
			.get()
			.uri("/v1/assistants")
			.header("OpenAI-Beta", "assistants=v2")
			.exchange()
			.expectStatus()
			.isOk();
	}

}
