package com.threadline.chat.security;

import java.nio.charset.StandardCharsets;
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
 * {@code POST /v1/stream_tickets}: single-use tickets, bound to one run of the caller's
 * own, that a browser's {@code EventSource} passes instead of a token.
 */
@Timeout(60)
class StreamTicketTests extends IntegrationTest {

	private Api.Tenant tenant;

	private String assistant;

	private String alice;

	private String bob;

	@BeforeEach
	void users() {
		this.tenant = this.api.newTenant("Tickets");
		this.assistant = Api.post(this.api.as(this.tenant.apiKey()), "/v1/assistants", Map.of("model", "gpt-test"), 200)
			.get("id")
			.asString();
		this.alice = this.api.userToken(this.tenant, "alice");
		this.bob = this.api.userToken(this.tenant, "bob");
	}

	@Test
	void aTicketFollowsItsRunOnceThenIsRefused() {
		RunRef run = run(this.alice);
		JsonNode ticket = Api.post(this.api.as(this.alice), "/v1/stream_tickets", run.body(), 201);
		assertThat(ticket.get("object").asString()).isEqualTo("stream_ticket");
		assertThat(ticket.get("expires_at").asLong()).isBetween(now() + 30, now() + 70);
		String events = events(run.eventsPath() + "?ticket=" + ticket.get("ticket").asString(), 200);
		assertThat(events).contains("event: thread.run.completed", "event: done");
		JsonNode again = Api.json(events(run.eventsPath() + "?ticket=" + ticket.get("ticket").asString(), 401));
		assertThat(again.at("/error/code").asString()).isEqualTo("invalid_stream_ticket");
	}

	@Test
	void aTicketIsRefusedOnAnotherRunAndOnEveryOtherRoute() {
		RunRef first = run(this.alice);
		RunRef second = run(this.alice);
		String ticket = mint(this.alice, first);
		events(second.eventsPath() + "?ticket=" + ticket, 401);
		// Presenting it on the wrong run used it up.
		events(first.eventsPath() + "?ticket=" + ticket, 401);
		String another = mint(this.alice, first);
		Api.get(this.api.anonymous(), "/v1/threads/" + first.thread() + "?ticket=" + another, 401);
		Api.get(this.api.anonymous(), "/v1/threads/" + first.thread() + "/runs/" + first.run() + "?ticket=" + another,
				401);
		assertThat(events(first.eventsPath() + "?ticket=" + another, 200)).contains("event: done");
	}

	@Test
	void nobodyMintsATicketForAnotherUsersOrTenantsRun() {
		RunRef alices = run(this.alice);
		JsonNode forBob = Api.post(this.api.as(this.bob), "/v1/stream_tickets", alices.body(), 404);
		assertThat(forBob.at("/error/type").asString()).isEqualTo("invalid_request_error");
		Api.Tenant other = this.api.newTenant("Other tickets");
		Api.post(this.api.as(other.apiKey()), "/v1/stream_tickets", alices.body(), 404);
		Api.post(this.api.as(this.alice), "/v1/stream_tickets",
				Map.of("thread_id", alices.thread(), "run_id", "run_doesnotexist"), 404);
		// The tenant's API key may follow any of its runs.
		Api.post(this.api.as(this.tenant.apiKey()), "/v1/stream_tickets", alices.body(), 201);
	}

	@Test
	void mintingNamesAMissingOrMalformedParameter() {
		RunRef run = run(this.alice);
		JsonNode missing = Api.post(this.api.as(this.alice), "/v1/stream_tickets", Map.of("run_id", run.run()), 400);
		assertThat(missing.at("/error/param").asString()).isEqualTo("thread_id");
		JsonNode malformed = Api.post(this.api.as(this.alice), "/v1/stream_tickets",
				Map.of("thread_id", run.thread(), "run_id", "run_\u0000"), 400);
		assertThat(malformed.at("/error/param").asString()).isEqualTo("run_id");
		Api.post(this.api.anonymous(), "/v1/stream_tickets", run.body(), 401);
	}

	@Test
	void theEventsEndpointNoLongerTakesAnAccessToken() {
		RunRef run = run(this.alice);
		JsonNode refused = Api.json(events(run.eventsPath() + "?access_token=" + this.alice, 401));
		assertThat(refused.at("/error/message").asString()).contains("API key");
	}

	/** A run of one of {@code user}'s threads, completed by the fake model. */
	private RunRef run(String user) {
		this.model.enqueue(Script.text("Hi"));
		WebTestClient client = this.api.as(user);
		String thread = Api
			.post(client, "/v1/threads", Map.of("messages", List.of(Map.of("role", "user", "content", "hi"))), 200)
			.get("id")
			.asString();
		String run = Api.post(client, "/v1/threads/" + thread + "/runs", Map.of("assistant_id", this.assistant), 200)
			.get("id")
			.asString();
		return new RunRef(thread, run);
	}

	private String mint(String credential, RunRef run) {
		return Api.post(this.api.as(credential), "/v1/stream_tickets", run.body(), 201).get("ticket").asString();
	}

	private String events(String path, int status) {
		byte[] body = this.api.anonymous()
			.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectBody()
			.returnResult()
			.getResponseBody();
		return (body != null) ? new String(body, StandardCharsets.UTF_8) : "";
	}

	private static long now() {
		return System.currentTimeMillis() / 1000;
	}

	private record RunRef(String thread, String run) {

		Map<String, String> body() {
			return Map.of("thread_id", this.thread, "run_id", this.run);
		}

		String eventsPath() {
			return "/v1/threads/" + this.thread + "/runs/" + this.run + "/events";
		}

	}

}
