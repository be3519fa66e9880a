package com.threadline.chat.tenant;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.threadline.chat.support.Api;
import com.threadline.chat.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class TenantApiTests extends IntegrationTest {

	@Test
	void createsTenantWithKeyShownOnce() {
		JsonNode tenant = Api.post(this.api.admin(), "/admin/tenants", Map.of("name", "Acme"), 201);
		assertThat(tenant.get("id").asString()).startsWith("tenant_");
		assertThat(tenant.get("api_key").asString()).startsWith("sk-");
		JsonNode list = Api.get(this.api.admin(), "/admin/tenants", 200);
		assertThat(list.get("object").asString()).isEqualTo("list");
		assertThat(list.get("data").toString()).contains("Acme").doesNotContain(tenant.get("api_key").asString());
	}

	@Test
	void rejectsMissingOrWrongAdminToken() {
		JsonNode error = Api.post(this.api.as("wrong"), "/admin/tenants", Map.of("name", "x"), 401);
		assertThat(error.at("/error/type").asString()).isEqualTo("invalid_request_error");
		Api.get(this.api.anonymous(), "/admin/tenants", 401);
	}

	@Test
	void rejectsMissingBadAndRevokedKeys() {
		JsonNode missing = Api.get(this.api.anonymous(), "/v1/assistants", 401);
		assertThat(missing.at("/error/message").asString()).contains("API key");
		Api.get(this.api.as("sk-not-a-key"), "/v1/assistants", 401);
		Api.Tenant tenant = this.api.newTenant("Rotating");
		Api.get(this.api.as(tenant.apiKey()), "/v1/assistants", 200);
		JsonNode rotated = Api.post(this.api.admin(), "/admin/tenants/" + tenant.id() + "/api_keys", Map.of(), 201);
		Api.get(this.api.as(tenant.apiKey()), "/v1/assistants", 401);
		Api.get(this.api.as(rotated.get("api_key").asString()), "/v1/assistants", 200);
	}

	@Test
	void disabledTenantLosesKeysAndUserTokens() {
		Api.Tenant tenant = this.api.newTenant("Disabled");
		String token = this.api.userToken(tenant, "alice");
		Api.get(this.api.as(token), "/v1/threads", 200);
		Api.post(this.api.admin(), "/admin/tenants/" + tenant.id() + "/disable", Map.of(), 200);
		Api.get(this.api.as(tenant.apiKey()), "/v1/assistants", 401);
		Api.get(this.api.as(token), "/v1/threads", 401);
		Api.post(this.api.admin(), "/admin/tenants/" + tenant.id() + "/enable", Map.of(), 200);
		Api.get(this.api.as(token), "/v1/threads", 200);
	}

	@Test
	void mintsBoundedUserTokens() {
		Api.Tenant tenant = this.api.newTenant("Tokens");
		JsonNode minted = Api.post(this.api.as(tenant.apiKey()), "/v1/user_tokens",
				Map.of("user", "bob", "ttl_seconds", 120), 201);
		assertThat(minted.get("user").asString()).isEqualTo("bob");
		assertThat(minted.get("expires_at").asLong()).isBetween(System.currentTimeMillis() / 1000 + 100,
				System.currentTimeMillis() / 1000 + 130);
		JsonNode tooLong = Api.post(this.api.as(tenant.apiKey()), "/v1/user_tokens",
				Map.of("user", "bob", "ttl_seconds", 10_000_000), 400);
		assertThat(tooLong.at("/error/param").asString()).isEqualTo("ttl_seconds");
		Api.post(this.api.as(tenant.apiKey()), "/v1/user_tokens", Map.of("ttl_seconds", 60), 400);
		// A user token cannot mint tokens, nor reach tenant-only routes.
		String token = minted.get("token").asString();
		Api.post(this.api.as(token), "/v1/user_tokens", Map.of("user", "eve"), 404);
		Api.get(this.api.as(token), "/v1/courses", 404);
	}

	@Test
	void rejectsExpiredAndTamperedUserTokens() throws Exception {
		Api.Tenant tenant = this.api.newTenant("Expiry");
		String token = Api
			.post(this.api.as(tenant.apiKey()), "/v1/user_tokens", Map.of("user", "carol", "ttl_seconds", 1), 201)
			.get("token")
			.asString();
		String tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
		Api.get(this.api.as(tampered), "/v1/threads", 401);
		Thread.sleep(2100);
		JsonNode expired = Api.get(this.api.as(token), "/v1/threads", 401);
		assertThat(expired.at("/error/code").asString()).isEqualTo("invalid_api_key");
	}

}
