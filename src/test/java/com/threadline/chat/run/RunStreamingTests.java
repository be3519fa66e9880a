package com.threadline.chat.run;

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

/** Conformance of a run's event sequences with OpenAI's, through real HTTP. */
@Timeout(60)
class RunStreamingTests extends IntegrationTest {

	private RunFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new RunFixtures(this.api, "Streaming");
	}

	@Test
	void streamsPlainReplyAsOpenAiDid() {
		this.model.enqueue(Script.text("Hel", "lo", "!").usage(12, 3));
		String assistant = this.fixtures.assistant();
		String thread = this.fixtures.thread("Say hello");
		List<EventStream.Event> events;
		try (EventStream stream = this.fixtures.stream("/v1/threads/" + thread + "/runs",
				Map.of("assistant_id", assistant, "stream", true))) {
			assertThat(stream.status()).isEqualTo(200);
			assertThat(stream.contentType()).startsWith("text/event-stream");
			events = stream.rest();
			assertThat(stream.raw()).doesNotContain("id:").doesNotContain("\n:");
			assertThat(stream.raw()).endsWith("event: done\ndata: [DONE]\n\n");
		}
		assertThat(EventStream.names(events)).containsExactly("thread.run.created", "thread.run.queued",
				"thread.run.in_progress", "thread.run.step.created", "thread.run.step.in_progress",
				"thread.message.created", "thread.message.in_progress", "thread.message.delta", "thread.message.delta",
				"thread.message.delta", "thread.message.completed", "thread.run.step.completed", "thread.run.completed",
				"done");
		JsonNode created = events.get(0).json();
		assertThat(created.get("object").asString()).isEqualTo("thread.run");
		assertThat(created.get("status").asString()).isEqualTo("queued");
		JsonNode delta = events.get(7).json();
		assertThat(delta.get("object").asString()).isEqualTo("thread.message.delta");
		assertThat(delta.at("/delta/content/0/index").asInt()).isZero();
		assertThat(delta.at("/delta/content/0/text/value").asString()).isEqualTo("Hel");
		JsonNode message = events.get(10).json();
		assertThat(message.at("/content/0/text/value").asString()).isEqualTo("Hello!");
		assertThat(message.get("status").asString()).isEqualTo("completed");
		JsonNode completed = events.get(12).json();
		assertThat(completed.get("status").asString()).isEqualTo("completed");
		assertThat(completed.at("/usage/prompt_tokens").asLong()).isEqualTo(12);
		assertThat(completed.at("/usage/completion_tokens").asLong()).isEqualTo(3);
		assertThat(completed.get("expires_at").isNull()).isTrue();
		assertThat(events.get(13).data()).isEqualTo("[DONE]");
		JsonNode thread2 = Api.get(this.fixtures.client, "/v1/threads/" + thread, 200);
		assertThat(thread2.get("active_run_id").isNull()).isTrue();
	}

}
