package com.threadline.chat.limit;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.web.reactive.server.WebTestClient;

import com.threadline.chat.support.Api;
import com.threadline.chat.support.IntegrationTest;
import com.threadline.chat.support.Script;

import static org.assertj.core.api.Assertions.assertThat;

class RunLimitTests extends IntegrationTest {

	@Test
	void tenantAtItsActiveRunLimitGets429UntilARunEnds() {
		LimitFixtures tenant = new LimitFixtures(this.api, "Active runs", Map.of("active_runs_per_tenant", 1));
		String assistant = tenant.assistant();
		this.model.enqueue(Script.toolCalls(Script.call("call_1", "get_weather", "{}")));
		String first = tenant.thread(tenant.key);
		String run = startWaitingRun(tenant, tenant.key, first, assistant);

		LimitFixtures.Reply refused = LimitFixtures.post(tenant.key,
				"/v1/threads/" + tenant.thread(tenant.key) + "/runs", Map.of("assistant_id", assistant));
		assertRefused(refused, "active runs per tenant", "1");
		LimitFixtures.Reply refusedWithThread = LimitFixtures.post(tenant.key, "/v1/threads/runs",
				Map.of("assistant_id", assistant));
		assertRefused(refusedWithThread, "active runs per tenant", "1");

		Api.post(tenant.key, "/v1/threads/" + first + "/runs/" + run + "/cancel", Map.of(), 200);
		tenant.awaitRun(first, run, "cancelled");
		this.model.enqueue(Script.text("Hello."));
		LimitFixtures.Reply admitted = LimitFixtures.post(tenant.key, "/v1/threads/runs",
				Map.of("assistant_id", assistant));
		assertThat(admitted.status()).isEqualTo(200);
		awaitCompleted(tenant, admitted.body());
	}

	@Test
	void userAtItsActiveRunLimitLeavesOtherUsersFree() {
		LimitFixtures tenant = new LimitFixtures(this.api, "User runs",
				Map.of("active_runs_per_user", 1, "active_runs_per_tenant", 10));
		String assistant = tenant.assistant();
		WebTestClient alice = tenant.user("alice");
		WebTestClient bob = tenant.user("bob");
		this.model.enqueue(Script.toolCalls(Script.call("call_a", "get_weather", "{}")),
				Script.toolCalls(Script.call("call_b", "get_weather", "{}")));
		String aliceThread = tenant.thread(alice);
		String aliceRun = startWaitingRun(tenant, alice, aliceThread, assistant);

		assertRefused(LimitFixtures.post(alice, "/v1/threads/" + tenant.thread(alice) + "/runs",
				Map.of("assistant_id", assistant)), "active runs per user", "1");
		String bobThread = tenant.thread(bob);
		String bobRun = startWaitingRun(tenant, bob, bobThread, assistant);

		Api.post(alice, "/v1/threads/" + aliceThread + "/runs/" + aliceRun + "/cancel", Map.of(), 200);
		Api.post(bob, "/v1/threads/" + bobThread + "/runs/" + bobRun + "/cancel", Map.of(), 200);
	}

	@Test
	void tenantOverItsDailyTokenBudgetGets429OnNewRunsWhileOthersRun() {
		LimitFixtures tenant = new LimitFixtures(this.api, "Token budget", Map.of("tokens_per_day", 50));
		LimitFixtures other = new LimitFixtures(this.api, "Token budget, other", Map.of("tokens_per_day", 50));
		String assistant = tenant.assistant();
		this.model.enqueue(Script.text("Sunny.").usage(40, 20));
		JsonNode run = Api.post(tenant.key, "/v1/threads/runs", Map.of("assistant_id", assistant), 200);
		JsonNode ended = tenant.awaitRun(run.get("thread_id").asString(), run.get("id").asString(), "completed");
		assertThat(ended.at("/usage/total_tokens").asLong()).isEqualTo(60);

		LimitFixtures.Reply refused = LimitFixtures.post(tenant.key, "/v1/threads/runs",
				Map.of("assistant_id", assistant));
		assertThat(refused.status()).isEqualTo(429);
		JsonNode error = refused.body().get("error");
		assertThat(error.get("type").asString()).isEqualTo("tokens");
		assertThat(error.get("code").asString()).isEqualTo("rate_limit_exceeded");
		assertThat(error.get("message").asString()).startsWith("Rate limit reached for tokens per day");
		assertThat(refused.header("x-ratelimit-limit-tokens")).isEqualTo("50");
		assertThat(refused.header("x-ratelimit-remaining-tokens")).isEqualTo("0");
		assertThat(refused.header("x-ratelimit-reset-tokens")).matches("(\\d+h)?(\\d+m)?\\d+s|\\d+ms");
		assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 86_400L);

		this.model.enqueue(Script.text("Fine."));
		LimitFixtures.Reply admitted = LimitFixtures.post(other.key, "/v1/threads/runs",
				Map.of("assistant_id", other.assistant()));
		assertThat(admitted.status()).isEqualTo(200);
		awaitCompleted(other, admitted.body());
	}

	/** Lets a run finish with the model before the next test scripts the model anew. */
	private static void awaitCompleted(LimitFixtures tenant, JsonNode run) {
		tenant.awaitRun(run.get("thread_id").asString(), run.get("id").asString(), "completed");
	}

	private static String startWaitingRun(LimitFixtures tenant, WebTestClient client, String thread, String assistant) {
		String run = Api.post(client, "/v1/threads/" + thread + "/runs", Map.of("assistant_id", assistant), 200)
			.get("id")
			.asString();
		tenant.awaitRun(thread, run, "requires_action");
		return run;
	}

	private static void assertRefused(LimitFixtures.Reply reply, String limit, String max) {
		assertThat(reply.status()).isEqualTo(429);
		assertThat(reply.body().at("/error/type").asString()).isEqualTo("requests");
		assertThat(reply.body().at("/error/code").asString()).isEqualTo("rate_limit_exceeded");
		assertThat(reply.body().at("/error/message").asString()).startsWith("Rate limit reached for " + limit);
		assertThat(reply.header("Retry-After")).isEqualTo("1");
		assertThat(reply.header("x-ratelimit-limit-requests")).isEqualTo(max);
		assertThat(reply.header("x-ratelimit-remaining-requests")).isEqualTo("0");
		assertThat(reply.header("x-ratelimit-reset-requests")).isEqualTo("1s");
	}

}
