package com.threadline.chat.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import com.threadline.chat.run.engine.RunSweeper;
import com.threadline.chat.support.Api;
import com.threadline.chat.support.IntegrationTest;
import com.threadline.chat.support.RecordedRequest;
import com.threadline.chat.support.Script;
import com.threadline.chat.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way a model call can go wrong ends the run cleanly: a final status, the thread
 * released, the partial reply kept as an incomplete message, the stream closed with
 * {@code done}.
 */
@Timeout(90)
class RunFaultTests extends IntegrationTest {

	@Autowired
	private RunSweeper sweeper;

	private RunFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new RunFixtures(this.api, "Faults");
	}

	@Test
	void failsWithServerErrorWhenTheModelKeepsAnswering500() {
		this.model.when(RecordedRequest.lastUserMessageContains("[500]"), Script.serverError());
		JsonNode run = streamToEnd("[500] hello", "thread.run.failed");
		assertThat(run.at("/last_error/code").asString()).isEqualTo("server_error");
		assertThat(run.get("failed_at").isNumber()).isTrue();
		assertThat(this.model.requests()).hasSizeGreaterThan(1);
	}

	@Test
	void completesAfterRateLimitThenSuccess() {
		this.model.enqueue(Script.rateLimited(Duration.ofSeconds(1)), Script.text("Fine", " now."));
		JsonNode run = streamToEnd("hello", "thread.run.completed");
		assertThat(run.get("status").asString()).isEqualTo("completed");
		assertThat(reply(run).at("/content/0/text/value").asString()).isEqualTo("Fine now.");
	}

	@Test
	void keepsPartialTextWhenTheStreamIsCutMidReply() {
		this.model.enqueue(Script.text("Hel", "lo", " there").cutAfter(2));
		JsonNode run = streamToEnd("hello", "thread.run.failed");
		assertThat(run.at("/last_error/code").asString()).isEqualTo("server_error");
		JsonNode message = reply(run);
		assertThat(message.get("status").asString()).isEqualTo("incomplete");
		assertThat(message.at("/incomplete_details/reason").asString()).isEqualTo("run_failed");
		assertThat(message.at("/content/0/text/value").asString()).isEqualTo("Hello");
		JsonNode step = this.fixtures.steps(run.get("thread_id").asString(), run.get("id").asString()).get(0);
		assertThat(step.get("status").asString()).isEqualTo("failed");
		assertThat(step.at("/last_error/code").asString()).isEqualTo("server_error");
	}

	@Test
	void keepsPartialTextWhenAChunkIsNotJson() {
		this.model.enqueue(Script.text("Par", "tial").malformedAfter(1));
		JsonNode run = streamToEnd("hello", "thread.run.failed");
		assertThat(run.at("/last_error/code").asString()).isEqualTo("server_error");
		assertThat(reply(run).at("/content/0/text/value").asString()).isEqualTo("Par");
	}

	@Test
	void failsWithInvalidPromptWhenTheModelRefusesIt() {
		this.model.enqueue(Script.contextLengthExceeded());
		JsonNode run = streamToEnd("hello", "thread.run.failed");
		assertThat(run.at("/last_error/code").asString()).isEqualTo("invalid_prompt");
	}

	@Test
	void cancelEndsARunWhoseModelHangs() {
		this.model.enqueue(Script.hang());
		String assistant = this.fixtures.assistant();
		String thread = this.fixtures.thread("hello");
		try (EventStream stream = this.fixtures.stream("/v1/threads/" + thread + "/runs",
				Map.of("assistant_id", assistant, "stream", true))) {
			List<EventStream.Event> started = stream.until(e -> e.event().equals("thread.run.in_progress"));
			String runId = started.get(0).json().get("id").asString();
			this.model.awaitRequests(1, Duration.ofSeconds(10));
			JsonNode cancelling = Api.post(this.fixtures.client, "/v1/threads/" + thread + "/runs/" + runId + "/cancel",
					Map.of(), 200);
			assertThat(cancelling.get("status").asString()).isEqualTo("cancelling");
			assertThat(EventStream.names(stream.rest())).containsExactly("thread.run.cancelling",
					"thread.run.cancelled", "done");
		}
		assertReleased(thread);
	}

	@Test
	void expiryEndsARunWhoseModelStalledKeepingItsText() throws Exception {
		this.model.enqueue(Script.text("Half", " a reply").stallAfter(1));
		String assistant = this.fixtures.assistant();
		String thread = this.fixtures.thread("hello");
		try (EventStream stream = this.fixtures.stream("/v1/threads/" + thread + "/runs",
				Map.of("assistant_id", assistant, "stream", true))) {
			List<EventStream.Event> started = stream.until(e -> e.event().equals("thread.message.delta"));
			String runId = started.get(0).json().get("id").asString();
			pastDeadline(runId);
			this.sweeper.sweep();
			assertThat(EventStream.names(stream.rest())).containsExactly("thread.message.incomplete",
					"thread.run.step.expired", "thread.run.expired", "done");
			JsonNode run = this.fixtures.getRun(thread, runId);
			assertThat(run.get("status").asString()).isEqualTo("expired");
			JsonNode message = reply(run);
			assertThat(message.at("/content/0/text/value").asString()).isEqualTo("Half");
			assertThat(message.at("/incomplete_details/reason").asString()).isEqualTo("run_expired");
		}
		assertReleased(thread);
	}

	@Test
	void expiryEndsARunThatWaitsForToolOutputs() throws Exception {
		this.model.enqueue(Script.toolCalls(Script.call("call_1", "get_weather", "{}")));
		String assistant = this.fixtures.assistant(Map.of("tools", List.of(RunFixtures.WEATHER)));
		String thread = this.fixtures.thread("hello");
		String runId = this.fixtures.run(thread, Map.of("assistant_id", assistant)).get("id").asString();
		assertThat(this.fixtures.awaitRun(thread, runId).get("status").asString()).isEqualTo("requires_action");
		pastDeadline(runId);
		this.sweeper.sweep();
		JsonNode run = this.fixtures.getRun(thread, runId);
		assertThat(run.get("status").asString()).isEqualTo("expired");
		assertThat(run.get("required_action").isNull()).isTrue();
		assertThat(this.fixtures.steps(thread, runId).get(0).get("status").asString()).isEqualTo("expired");
		JsonNode late = Api.post(this.fixtures.client,
				"/v1/threads/" + thread + "/runs/" + runId + "/submit_tool_outputs",
				Map.of("tool_outputs", List.of(Map.of("tool_call_id", "call_1", "output", "x"))), 400);
		assertThat(late.at("/error/message").asString()).contains("\"expired\"");
		assertReleased(thread);
	}

	/** Streams a new run for {@code userMessage} to its end; returns the run then. */
	private JsonNode streamToEnd(String userMessage, String finalEvent) {
		String assistant = this.fixtures.assistant();
		String thread = this.fixtures.thread(userMessage);
		List<EventStream.Event> events;
		try (EventStream stream = this.fixtures.stream("/v1/threads/" + thread + "/runs",
				Map.of("assistant_id", assistant, "stream", true))) {
			events = stream.rest();
		}
		assertThat(EventStream.names(events)).endsWith(finalEvent, "done");
		JsonNode run = events.get(events.size() - 2).json();
		assertThat(run.get("usage").isObject()).isTrue();
		assertReleased(thread);
		assertThat(this.fixtures.getRun(thread, run.get("id").asString()).get("status").asString())
			.isEqualTo(run.get("status").asString());
		return run;
	}

	/** The assistant's reply of a run. */
	private JsonNode reply(JsonNode run) {
		for (JsonNode message : this.fixtures.messages(run.get("thread_id").asString())) {
			if (message.get("run_id").asString("").equals(run.get("id").asString())) {
				return message;
			}
		}
		throw new AssertionError("No reply of run " + run.get("id"));
	}

	private void assertReleased(String thread) {
		JsonNode view = Api.get(this.fixtures.client, "/v1/threads/" + thread, 200);
		assertThat(view.get("active_run_id").isNull()).isTrue();
		Api.post(this.fixtures.client, "/v1/threads/" + thread + "/messages", Map.of("role", "user", "content", "next"),
				200);
	}

	static void pastDeadline(String runId) throws Exception {
		try (Connection connection = TestDatabase.get().connect();
				PreparedStatement update = connection
					.prepareStatement("update runs set expires_at = now() - interval '1 second' where id = ?")) {
			update.setString(1, runId);
			assertThat(update.executeUpdate()).isEqualTo(1);
		}
	}

}
