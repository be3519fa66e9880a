package com.threadline.chat.run;

import java.time.Duration;
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

/** Cancel stops a run; a dropped client does not. */
@Timeout(60)
class RunCancelTests extends IntegrationTest {

	private static final String[] WORDS = { "one ", "two ", "three ", "four ", "five ", "six ", "seven ", "eight ",
			"nine ", "ten" };

	private RunFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new RunFixtures(this.api, "Cancel");
	}

	@Test
	void cancelMidStreamKeepsThePartialReply() {
		this.model.enqueue(Script.text(WORDS).delay(Duration.ofMillis(150)));
		String assistant = this.fixtures.assistant();
		String thread = this.fixtures.thread("Count to ten");
		StringBuilder streamed = new StringBuilder();
		try (EventStream stream = this.fixtures.stream("/v1/threads/" + thread + "/runs",
				Map.of("assistant_id", assistant, "stream", true))) {
			List<EventStream.Event> head = stream.until(e -> e.event().equals("thread.message.delta")
					&& e.json().at("/delta/content/0/text/value").asString().equals("two "));
			String runId = head.get(0).json().get("id").asString();
			JsonNode cancelling = Api.post(this.fixtures.client, "/v1/threads/" + thread + "/runs/" + runId + "/cancel",
					Map.of(), 200);
			assertThat(cancelling.get("status").asString()).isEqualTo("cancelling");
			List<EventStream.Event> tail = stream.rest();
			List<String> names = EventStream.names(tail);
			assertThat(names).endsWith("thread.run.cancelling", "thread.message.incomplete",
					"thread.run.step.cancelled", "thread.run.cancelled", "done");
			assertThat(names.subList(0, names.size() - 5)).allMatch("thread.message.delta"::equals);
			for (EventStream.Event event : concat(head, tail)) {
				if (event.event().equals("thread.message.delta")) {
					streamed.append(event.json().at("/delta/content/0/text/value").asString());
				}
			}
			JsonNode message = tail.get(tail.size() - 4).json();
			assertThat(message.get("status").asString()).isEqualTo("incomplete");
			assertThat(message.at("/incomplete_details/reason").asString()).isEqualTo("run_cancelled");
			assertThat(message.at("/content/0/text/value").asString()).isEqualTo(streamed.toString());
			JsonNode run = this.fixtures.getRun(thread, runId);
			assertThat(run.get("status").asString()).isEqualTo("cancelled");
			assertThat(run.get("cancelled_at").isNumber()).isTrue();
			assertThat(streamed.toString()).startsWith("one two ").isNotEqualTo(String.join("", WORDS));
			JsonNode again = Api.post(this.fixtures.client, "/v1/threads/" + thread + "/runs/" + runId + "/cancel",
					Map.of(), 400);
			assertThat(again.at("/error/message").asString()).isEqualTo("Cannot cancel run with status 'cancelled'.");
		}
		assertThat(Api.get(this.fixtures.client, "/v1/threads/" + thread, 200).get("active_run_id").isNull()).isTrue();
	}

	@Test
	void cancelWhileWaitingForToolOutputsCancelsTheStep() {
		this.model.enqueue(Script.toolCalls(Script.call("call_1", "get_weather", "{}")));
		String assistant = this.fixtures.assistant(Map.of("tools", List.of(RunFixtures.WEATHER)));
		String thread = this.fixtures.thread("Weather?");
		String runId = this.fixtures.run(thread, Map.of("assistant_id", assistant)).get("id").asString();
		assertThat(this.fixtures.awaitRun(thread, runId).get("status").asString()).isEqualTo("requires_action");
		try (EventStream events = EventStream.get(
				this.api.baseUrl() + "/v1/threads/" + thread + "/runs/" + runId + "/events",
				Map.of("Authorization", "Bearer " + this.fixtures.tenant.apiKey()))) {
			events.until(e -> e.event().equals("thread.run.requires_action"));
			Api.post(this.fixtures.client, "/v1/threads/" + thread + "/runs/" + runId + "/cancel", Map.of(), 200);
			assertThat(EventStream.names(events.rest())).containsExactly("thread.run.cancelling",
					"thread.run.step.cancelled", "thread.run.cancelled", "done");
		}
		assertThat(this.fixtures.steps(thread, runId).get(0).get("status").asString()).isEqualTo("cancelled");
	}

	@Test
	void aDroppedClientDoesNotStopTheRun() {
		this.model.enqueue(Script.text(WORDS).delay(Duration.ofMillis(50)));
		String assistant = this.fixtures.assistant();
		String thread = this.fixtures.thread("Count to ten");
		String runId;
		try (EventStream stream = this.fixtures.stream("/v1/threads/" + thread + "/runs",
				Map.of("assistant_id", assistant, "stream", true))) {
			runId = stream.until(e -> e.event().equals("thread.message.delta")).get(0).json().get("id").asString();
		}
		JsonNode run = this.fixtures.awaitRun(thread, runId);
		assertThat(run.get("status").asString()).isEqualTo("completed");
		assertThat(this.fixtures.messages(thread).get(1).at("/content/0/text/value").asString())
			.isEqualTo(String.join("", WORDS));
	}

	private static List<EventStream.Event> concat(List<EventStream.Event> a, List<EventStream.Event> b) {
		return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
	}

}
