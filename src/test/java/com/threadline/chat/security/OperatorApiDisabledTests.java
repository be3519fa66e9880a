package com.threadline.chat.security;

import java.util.List;
import java.util.Map;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.threadline.chat.support.Api;
import com.threadline.chat.support.FakeModelServer;
import com.threadline.chat.support.IntegrationTest;
import com.threadline.chat.support.Script;
import com.threadline.chat.support.TestDatabase;
import com.threadline.chat.tenant.TenantService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one context without {@code ADMIN_TOKEN}: the operator API is not mapped, so every
 * spelling of every {@code /admin} path, with any credential, answers exactly like an
 * unknown route. The same context gives stream tickets a short life, to see them expire.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Timeout(120)
class OperatorApiDisabledTests {

	@LocalServerPort
	int port;

	@Autowired
	TenantService tenants;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestDatabase.Info db = TestDatabase.get();
		registry.add("spring.datasource.url", db::url);
		registry.add("spring.datasource.username", db::username);
		registry.add("spring.datasource.password", db::password);
		registry.add("admin.token", () -> "");
		registry.add("chat.master-key", () -> IntegrationTest.MASTER_KEY);
		registry.add("chat.database.allow-superuser", () -> "true");
		registry.add("chat.tool.sql.password", () -> IntegrationTest.ASK_DB_PASSWORD);
		registry.add("chat.llm.base-url", () -> FakeModelServer.shared().baseUrl());
		registry.add("chat.llm.api-key", () -> IntegrationTest.MODEL_API_KEY);
		registry.add("chat.demo.enabled", () -> "false");
		registry.add("chat.security.stream-tickets.ttl", () -> "2s");
	}

	@Test
	void everySpellingOfTheOperatorApiIsAnUnknownRouteWithAnyCredential() {
		// No admin API here: a tenant to hold the API key and user token comes from the
		// service.
		String apiKey = this.tenants.create("No operator").apiKey();
		String userToken = Api.post(new Api(this.port).as(apiKey), "/v1/user_tokens", Map.of("user", "u"), 201)
			.get("token")
			.asString();
		RawHttp http = new RawHttp(this.port);
		SoftAssertions softly = new SoftAssertions();
		for (String bearer : new String[] { null, "wrong-token", IntegrationTest.ADMIN_TOKEN, apiKey, userToken }) {
			PathTricks.each(http, PathTricks.ADMIN, PathTricks.CREATE_TENANT, bearer, softly, PathTricks::noSuchRoute);
		}
		for (String path : List.of("/admin/tenants/tenant_x/disable", "/admin/tenants/tenant_x/api_keys",
				"/admin/tenants/tenant_x/anything/added/later")) {
			PathTricks.noSuchRoute(softly, "POST " + path, http.send("POST", path, "wrong-token", "{}"));
		}
		softly.assertAll();
		assertThat(http.send("GET", "/v1/assistants", apiKey, null).status()).isEqualTo(200);
	}

	@Test
	void aStreamTicketExpiresUnused() throws InterruptedException {
		FakeModelServer model = FakeModelServer.shared();
		model.reset();
		model.enqueue(Script.text("Hi"));
		Api api = new Api(this.port);
		WebTestClient tenant = api.as(this.tenants.create("Expiring tickets").apiKey());
		String assistant = Api.post(tenant, "/v1/assistants", Map.of("model", "gpt-test"), 200).get("id").asString();
		String thread = Api
			.post(tenant, "/v1/threads", Map.of("messages", List.of(Map.of("role", "user", "content", "hi"))), 200)
			.get("id")
			.asString();
		String run = Api.post(tenant, "/v1/threads/" + thread + "/runs", Map.of("assistant_id", assistant), 200)
			.get("id")
			.asString();
		Map<String, String> body = Map.of("thread_id", thread, "run_id", run);
		String expiring = Api.post(tenant, "/v1/stream_tickets", body, 201).get("ticket").asString();
		String events = "/v1/threads/" + thread + "/runs/" + run + "/events?ticket=";
		Thread.sleep(3000);
		JsonNode expired = Api.get(api.anonymous(), events + expiring, 401);
		assertThat(expired.at("/error/code").asString()).isEqualTo("invalid_stream_ticket");
		String fresh = Api.post(tenant, "/v1/stream_tickets", body, 201).get("ticket").asString();
		api.anonymous().get().uri(events + fresh).exchange().expectStatus().isOk();
	}

}
