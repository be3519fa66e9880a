package com.threadline.chat.limit;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.web.reactive.server.WebTestClient;

import com.threadline.chat.support.Api;
import com.threadline.chat.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class RequestRateLimitTests extends IntegrationTest {

	@Test
	void apiKeyOverItsRateGets429WithOpenAiEnvelopeAndHeadersThenRecovers() {
		LimitFixtures tenant = new LimitFixtures(this.api, "Key rate", Map.of("requests_per_second_per_key", 2));
		LimitFixtures.Reply first = LimitFixtures.get(tenant.key, "/v1/assistants");
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.header("x-ratelimit-limit-requests")).isEqualTo("2");
		assertThat(first.header("x-ratelimit-remaining-requests")).isEqualTo("1");
		assertThat(first.header("x-ratelimit-reset-requests")).matches("\\d+ms");
		LimitFixtures.Reply refused = untilRefused(tenant.key);
		assertThat(refused.body().get("error").get("type").asString()).isEqualTo("requests");
		assertThat(refused.body().get("error").get("code").asString()).isEqualTo("rate_limit_exceeded");
		assertThat(refused.body().get("error").get("param").isNull()).isTrue();
		assertThat(refused.body().get("error").get("message").asString())
			.startsWith("Rate limit reached for requests per second per API key");
		assertThat(refused.header("Retry-After")).isEqualTo("1");
		assertThat(refused.header("x-ratelimit-limit-requests")).isEqualTo("2");
		assertThat(refused.header("x-ratelimit-remaining-requests")).isEqualTo("0");
		assertThat(refused.header("x-ratelimit-reset-requests")).matches("\\d+ms");
		LimitFixtures.sleep(1100);
		assertThat(LimitFixtures.get(tenant.key, "/v1/assistants").status()).isEqualTo(200);
	}

	@Test
	void userAtItsLimitLeavesTheKeyAndOtherUsersUnaffected() {
		LimitFixtures tenant = new LimitFixtures(this.api, "User rate", Map.of("requests_per_second_per_user", 1));
		WebTestClient alice = tenant.user("alice");
		WebTestClient bob = tenant.user("bob");
		LimitFixtures.Reply refused = untilRefused(alice);
		assertThat(refused.body().at("/error/message").asString()).contains("requests per second per user");
		assertThat(LimitFixtures.get(bob, "/v1/threads").status()).isEqualTo(200);
		LimitFixtures.Reply byKey = LimitFixtures.get(tenant.key, "/v1/assistants");
		assertThat(byKey.status()).isEqualTo(200);
		assertThat(byKey.header("x-ratelimit-limit-requests")).isEqualTo("100");
	}

	@Test
	void anotherTenantKeepsGetting200sWhileOneIsLimited() {
		LimitFixtures limited = new LimitFixtures(this.api, "Limited", Map.of("requests_per_second_per_key", 1));
		LimitFixtures other = new LimitFixtures(this.api, "Unaffected", Map.of());
		untilRefused(limited.key);
		for (int i = 0; i < 5; i++) {
			assertThat(LimitFixtures.get(limited.key, "/v1/assistants").status()).isEqualTo(429);
			assertThat(LimitFixtures.get(other.key, "/v1/assistants").status()).isEqualTo(200);
		}
	}

	@Test
	void clientIpIsLimitedBeforeAuthentication() throws Exception {
		// 127.0.0.7 is limited to 3 requests per second (IntegrationTest); 127.0.0.1 is
		// not.
		HttpClient fromSeven = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.7")).build();
		HttpRequest unauthenticated = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/v1/assistants"))
			.build();
		List<HttpResponse<String>> responses = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			responses.add(fromSeven.send(unauthenticated, HttpResponse.BodyHandlers.ofString()));
		}
		assertThat(responses.get(0).statusCode()).isEqualTo(401);
		HttpResponse<String> refused = responses.stream()
			.filter(response -> response.statusCode() == 429)
			.findFirst()
			.orElseThrow(() -> new AssertionError("No 429 from 127.0.0.7"));
		JsonNode error = Api.json(refused.body()).get("error");
		assertThat(error.get("message").asString()).contains("per IP address");
		assertThat(refused.headers().firstValue("Retry-After")).contains("1");
		assertThat(refused.headers().firstValue("x-ratelimit-limit-requests")).contains("3");
		Api.get(this.api.anonymous(), "/v1/assistants", 401);
	}

	/** Sends requests until one is refused, within a few more than any test's limit. */
	private static LimitFixtures.Reply untilRefused(WebTestClient client) {
		for (int i = 0; i < 10; i++) {
			LimitFixtures.Reply reply = LimitFixtures.get(client, "/v1/threads");
			if (reply.status() == 429) {
				return reply;
			}
			assertThat(reply.status()).isEqualTo(200);
		}
		throw new AssertionError("Never refused");
	}

}
