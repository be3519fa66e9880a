package com.threadline.chat.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import com.threadline.chat.support.Api;
import com.threadline.chat.support.IntegrationTest;
import com.threadline.chat.support.Script;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /v1/threads/{t}/runs/{r}/events}: the same events with their sequence as
 * {@code id:}, resumable from {@code Last-Event-ID} or {@code ?starting_after=}.
 */
@Timeout(60)
class RunEventsEndpointTests extends IntegrationTest {

	private RunFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new RunFixtures(this.api, "Events");
	}

	@Test
	void resumesFromLastEventIdWithoutGapOrDuplicate() {
		List<String> pieces = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			pieces.add("w" + i + " ");
		}
		this.model.enqueue(Script.text(pieces.toArray(String[]::new)).delay(Duration.ofMillis(15)));
		String assistant = this.fixtures.assistant();
		String thread = this.fixtures.thread("Talk");
		String runId = this.fixtures.run(thread, Map.of("assistant_id", assistant)).get("id").asString();
		String url = this.api.baseUrl() + "/v1/threads/" + thread + "/runs/" + runId + "/events";
		Map<String, String> auth = Map.of("Authorization", "Bearer " + this.fixtures.tenant.apiKey());
		List<EventStream.Event> first;
		try (EventStream events = EventStream.get(url, auth)) {
			assertThat(events.contentType()).startsWith("text/event-stream");
			first = events.until(new DeltaCounter(10));
		}
		String lastId = first.get(first.size() - 1).id();
		List<EventStream.Event> second;
		try (EventStream events = EventStream.get(url,
				Map.of("Authorization", auth.get("Authorization"), "Last-Event-ID", lastId))) {
			second = events.rest();
			assertThat(events.raw()).contains("\nid: ");
		}
		List<EventStream.Event> all = new ArrayList<>(first);
		all.addAll(second);
		assertThat(all.get(all.size() - 1).event()).isEqualTo("done");
		for (int i = 0; i < all.size() - 1; i++) {
			assertThat(all.get(i).id()).isEqualTo(Long.toString(i + 1));
		}
		StringBuilder text = new StringBuilder();
		all.stream()
			.filter(e -> e.event().equals("thread.message.delta"))
			.forEach(e -> text.append(e.json().at("/delta/content/0/text/value").asString()));
		assertThat(text).hasToString(String.join("", pieces));
		assertThat(EventStream.names(all)).startsWith("thread.run.created", "thread.run.queued",
				"thread.run.in_progress");

		try (EventStream replay = EventStream.get(url + "?starting_after=3", auth)) {
			List<EventStream.Event> events = replay.rest();
			assertThat(events.get(0).id()).isEqualTo("4");
			assertThat(events.get(events.size() - 1).event()).isEqualTo("done");
		}
	}

	@Test
	void acceptsAStreamTicketOfTheRunsOwnerOnceInsteadOfAToken() {
		this.model.enqueue(Script.text("Hi"));
		String assistant = this.fixtures.assistant();
		String alice = this.api.userToken(this.fixtures.tenant, "alice");
		String bob = this.api.userToken(this.fixtures.tenant, "bob");
		String thread = Api
			.post(this.api.as(alice), "/v1/threads",
					Map.of("messages", List.of(Map.of("role", "user", "content", "hi"))), 200)
			.get("id")
			.asString();
		JsonNode run = Api.post(this.api.as(alice), "/v1/threads/" + thread + "/runs",
				Map.of("assistant_id", assistant), 200);
		Map<String, String> ticketFor = Map.of("thread_id", thread, "run_id", run.get("id").asString());
		String ticket = Api.post(this.api.as(alice), "/v1/stream_tickets", ticketFor, 201).get("ticket").asString();
		String path = "/v1/threads/" + thread + "/runs/" + run.get("id").asString() + "/events";
		try (EventStream events = EventStream.get(this.api.baseUrl() + path + "?ticket=" + ticket, Map.of())) {
			assertThat(events.status()).isEqualTo(200);
			assertThat(EventStream.names(events.rest())).endsWith("thread.run.completed", "done");
		}
		try (EventStream events = EventStream.get(this.api.baseUrl() + path + "?ticket=" + ticket, Map.of())) {
			assertThat(events.status()).isEqualTo(401);
		}
		try (EventStream events = EventStream.get(this.api.baseUrl() + path + "?access_token=" + alice, Map.of())) {
			assertThat(events.status()).isEqualTo(401);
		}
		Api.post(this.api.as(bob), "/v1/stream_tickets", ticketFor, 404);
		Api.get(this.api.as(bob), "/v1/threads/" + thread + "/runs/" + run.get("id").asString(), 404);
		try (EventStream events = EventStream.get(this.api.baseUrl() + path + "?starting_after=x",
				Map.of("Authorization", "Bearer " + alice))) {
			assertThat(events.status()).isEqualTo(400);
		}
	}

	/** True at the {@code n}th message delta. */
	private static final class DeltaCounter implements java.util.function.Predicate<EventStream.Event> {

		private final int n;

		private int seen;

		DeltaCounter(int n) {
			this.n = n;
		}

		@Override
		public boolean test(EventStream.Event event) {
			return event.event().equals("thread.message.delta") && ++this.seen == this.n;
		}

	}

}
