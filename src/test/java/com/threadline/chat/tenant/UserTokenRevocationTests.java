package com.threadline.chat.tenant;

import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.threadline.chat.support.Api;
import com.threadline.chat.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class UserTokenRevocationTests extends IntegrationTest {

	@Test
	void revokingAUserEndsAllOfTheirTokensAndNobodyElses() {
		Api.Tenant tenant = this.api.newTenant("Revoke");
		String first = this.api.userToken(tenant, "alice");
		String second = this.api.userToken(tenant, "alice");
		String bob = this.api.userToken(tenant, "bob");
		Api.get(this.api.as(first), "/v1/threads", 200);

		JsonNode revoked = Api.post(this.api.as(tenant.apiKey()), "/v1/user_tokens/revoke", Map.of("user", "alice"),
				200);

		assertThat(revoked.get("object").asString()).isEqualTo("user_tokens.revocation");
		assertThat(revoked.get("user").asString()).isEqualTo("alice");
		assertThat(revoked.get("revoked_at").asLong()).isCloseTo(System.currentTimeMillis() / 1000,
				org.assertj.core.data.Offset.offset(5L));
		Api.get(this.api.as(first), "/v1/threads", 401);
		Api.get(this.api.as(second), "/v1/threads", 401);
		Api.get(this.api.as(bob), "/v1/threads", 200);
		Api.get(this.api.as(this.api.userToken(tenant, "alice")), "/v1/threads", 200);
	}

	@Test
	void tokenMintedInTheSameSecondAfterARevocationWorksAndOneBeforeItDoesNot() {
		Api.Tenant tenant = this.api.newTenant("SameSecond");
		for (int attempt = 0; attempt < 5; attempt++) {
			String user = "user-" + attempt;
			String before = this.api.userToken(tenant, user);
			long revokedAt = Api.post(this.api.as(tenant.apiKey()), "/v1/user_tokens/revoke", Map.of("user", user), 200)
				.get("revoked_at")
				.asLong();
			String after = this.api.userToken(tenant, user);
			if (issuedAt(before) == revokedAt && issuedAt(after) == revokedAt) {
				Api.get(this.api.as(before), "/v1/threads", 401);
				Api.get(this.api.as(after), "/v1/threads", 200);
				return;
			}
		}
		throw new AssertionError("Could not mint, revoke and mint again within one second in 5 attempts");
	}

	@Test
	void revocationReachesTheVeryNextRequestThoughLookUpsAreCached() {
		Api.Tenant tenant = this.api.newTenant("Cached");
		String token = this.api.userToken(tenant, "carol");
		for (int i = 0; i < 3; i++) {
			Api.get(this.api.as(token), "/v1/threads", 200);
		}
		Api.post(this.api.as(tenant.apiKey()), "/v1/user_tokens/revoke", Map.of("user", "carol"), 200);
		Api.get(this.api.as(token), "/v1/threads", 401);
	}

	@Test
	void rotatingTheApiKeysRevokesEveryUserTokenMintedBefore() {
		Api.Tenant tenant = this.api.newTenant("RotateKeys");
		String alice = this.api.userToken(tenant, "alice");
		String bob = this.api.userToken(tenant, "bob");
		Api.get(this.api.as(alice), "/v1/threads", 200);

		String newKey = Api.post(this.api.admin(), "/admin/tenants/" + tenant.id() + "/api_keys", Map.of(), 201)
			.get("api_key")
			.asString();

		Api.get(this.api.as(alice), "/v1/threads", 401);
		Api.get(this.api.as(bob), "/v1/threads", 401);
		String fresh = Api.post(this.api.as(newKey), "/v1/user_tokens", Map.of("user", "alice"), 201)
			.get("token")
			.asString();
		Api.get(this.api.as(fresh), "/v1/threads", 200);
	}

	@Test
	void revokeNamesUserWhenItIsMissingOrInvalidAndTakesOnlyTheApiKey() {
		Api.Tenant tenant = this.api.newTenant("RevokeInput");
		JsonNode missing = Api.post(this.api.as(tenant.apiKey()), "/v1/user_tokens/revoke", Map.of(), 400);
		assertThat(missing.at("/error/param").asString()).isEqualTo("user");
		JsonNode blank = Api.post(this.api.as(tenant.apiKey()), "/v1/user_tokens/revoke", Map.of("user", " "), 400);
		assertThat(blank.at("/error/param").asString()).isEqualTo("user");
		JsonNode tooLong = Api.post(this.api.as(tenant.apiKey()), "/v1/user_tokens/revoke",
				Map.of("user", "x".repeat(257)), 400);
		assertThat(tooLong.at("/error/param").asString()).isEqualTo("user");
		JsonNode nul = Api.post(this.api.as(tenant.apiKey()), "/v1/user_tokens/revoke", Map.of("user", "a\u0000b"),
				400);
		assertThat(nul.at("/error/param").asString()).isEqualTo("user");
		Api.post(this.api.as(tenant.apiKey()), "/v1/user_tokens", Map.of("user", "a\u0000b"), 400);
		String token = this.api.userToken(tenant, "dave");
		Api.post(this.api.as(token), "/v1/user_tokens/revoke", Map.of("user", "dave"), 404);
		Api.post(this.api.anonymous(), "/v1/user_tokens/revoke", Map.of("user", "dave"), 401);
		Api.get(this.api.as(token), "/v1/threads", 200);
	}

	static long issuedAt(String token) {
		String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
		return Api.json(payload).get("iat").asLong();
	}

}
