package com.threadline.chat.modelaccess;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import org.springframework.test.web.reactive.server.WebTestClient;

import com.threadline.chat.support.Api;
import com.threadline.chat.support.IntegrationTest;
import com.threadline.chat.support.Script;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's per-tenant model allow-list: enforced on assistant create and modify and
 * on a run's model (override or the assistant's), set only by the operator, and of no
 * effect on other tenants.
 */
@Timeout(60)
class ModelAllowListTests extends IntegrationTest {

	private Api.Tenant tenant;

	private WebTestClient key;

	private String path;

	@BeforeEach
	void tenant() {
		this.tenant = this.api.newTenant("ModelAllowList");
		this.key = this.api.as(this.tenant.apiKey());
		this.path = "/admin/tenants/" + this.tenant.id() + "/models";
		this.model.when(request -> true, Script.text("ok"));
	}

	@Test
	void aTenantStartsUnrestricted() {
		JsonNode allowList = Api.get(this.api.admin(), this.path, 200);
		assertThat(allowList.get("models")).isEmpty();
		assertThat(allowList.get("providers")).isEmpty();
		assistant("any-model-at-all", 200);
	}

	@Test
	void refusesDisallowedModelsOnAssistantCreateModifyAndRunNamingModel() {
		JsonNode set = Api.post(this.api.admin(), this.path, Map.of("models", List.of("gpt-allowed")), 200);
		assertThat(set.get("models")).extracting(JsonNode::asString).containsExactly("gpt-allowed");
		assertThat(Api.get(this.api.admin(), this.path, 200).get("models")).hasSize(1);

		JsonNode created = assistant("gpt-other", 400);
		assertThat(created.at("/error/param").asString()).isEqualTo("model");
		assertThat(created.at("/error/message").asString()).contains("gpt-other", "allow-list");
		String assistant = assistant("gpt-allowed", 200).get("id").asString();
		JsonNode modified = Api.post(this.key, "/v1/assistants/" + assistant, Map.of("model", "gpt-other"), 400);
		assertThat(modified.at("/error/param").asString()).isEqualTo("model");
		assertThat(Api.get(this.key, "/v1/assistants/" + assistant, 200).get("model").asString())
			.isEqualTo("gpt-allowed");

		String thread = thread();
		JsonNode override = Api.post(this.key, "/v1/threads/" + thread + "/runs",
				Map.of("assistant_id", assistant, "model", "gpt-other"), 400);
		assertThat(override.at("/error/param").asString()).isEqualTo("model");
		JsonNode thenRun = Api.post(this.key, "/v1/threads/runs", Map.of("assistant_id", assistant, "model",
				"gpt-other", "thread", Map.of("messages", List.of(Map.of("role", "user", "content", "hi")))), 400);
		assertThat(thenRun.at("/error/param").asString()).isEqualTo("model");
		assertThat(this.model.requests()).isEmpty();

		JsonNode run = Api.post(this.key, "/v1/threads/" + thread + "/runs",
				Map.of("assistant_id", assistant, "model", "gpt-allowed"), 200);
		assertThat(settled(thread, run.get("id").asString())).isEqualTo("completed");
		assertThat(this.model.lastRequest().body().get("model").asString()).isEqualTo("gpt-allowed");
	}

	@Test
	void anAssistantWhoseModelWasLaterDisallowedCannotRun() {
		String assistant = assistant("gpt-old", 200).get("id").asString();
		Api.post(this.api.admin(), this.path, Map.of("models", List.of("gpt-new")), 200);
		JsonNode refused = Api.post(this.key, "/v1/threads/" + thread() + "/runs", Map.of("assistant_id", assistant),
				400);
		assertThat(refused.at("/error/param").asString()).isEqualTo("model");
		Api.post(this.api.admin(), this.path, Map.of(), 200);
		String thread = thread();
		JsonNode run = Api.post(this.key, "/v1/threads/" + thread + "/runs", Map.of("assistant_id", assistant), 200);
		assertThat(settled(thread, run.get("id").asString())).isEqualTo("completed");
	}

	@Test
	void aListedProviderAllowsEveryModelItServes() {
		Api.post(this.api.admin(), this.path, Map.of("models", List.of("gpt-x"), "providers", List.of("default")), 200);
		assistant("whatever-the-default-provider-serves", 200);
		JsonNode unknown = Api.post(this.api.admin(), this.path, Map.of("providers", List.of("default", "nope")), 400);
		assertThat(unknown.at("/error/param").asString()).isEqualTo("providers[1]");
		JsonNode blank = Api.post(this.api.admin(), this.path, Map.of("models", List.of("ok", " ")), 400);
		assertThat(blank.at("/error/param").asString()).isEqualTo("models[1]");
		assertThat(Api.get(this.api.admin(), this.path, 200).get("providers")).extracting(JsonNode::asString)
			.containsExactly("default");
	}

	@Test
	void onlyTheOperatorSetsItAndOtherTenantsAreUnaffected() {
		Map<String, Object> body = Map.of("models", List.of("gpt-allowed"));
		Api.post(this.key, this.path, body, 401);
		Api.post(this.api.as(this.api.userToken(this.tenant, "alice")), this.path, body, 401);
		Api.get(this.key, this.path, 401);
		Api.post(this.api.admin(), "/admin/tenants/tenant_nope/models", body, 404);
		Api.post(this.api.admin(), "/admin/tenants/" + this.tenant.id() + "/models", body, 200);

		Api.Tenant other = this.api.newTenant("ModelAllowList-other");
		Api.post(this.api.as(other.apiKey()), "/v1/assistants", Map.of("model", "gpt-other"), 200);
		assertThat(Api.get(this.api.admin(), "/admin/tenants/" + other.id() + "/models", 200).get("models")).isEmpty();
	}

	private JsonNode assistant(String model, int status) {
		return Api.post(this.key, "/v1/assistants", Map.of("model", model), status);
	}

	private String thread() {
		return Api
			.post(this.key, "/v1/threads", Map.of("messages", List.of(Map.of("role", "user", "content", "hi"))), 200)
			.get("id")
			.asString();
	}

	private String settled(String thread, String run) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (true) {
			String status = Api.get(this.key, "/v1/threads/" + thread + "/runs/" + run, 200).get("status").asString();
			if (!List.of("queued", "in_progress").contains(status) || System.nanoTime() > deadline) {
				return status;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

}
