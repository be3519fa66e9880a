package com.threadline.chat.run;

import java.time.Duration;
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
 * A thread held by an active run cannot be deleted under it; once the run ends, it goes
 * with its runs.
 */
@Timeout(60)
class ThreadDeletionTests extends IntegrationTest {

	private RunFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new RunFixtures(this.api, "Deletion");
	}

	@Test
	void refusesToDeleteAThreadUnderAnActiveRunThenDeletesItWithItsRuns() {
		this.model.enqueue(Script.text("one ", "two ", "three ", "four ", "five ").delay(Duration.ofMillis(200)));
		String assistant = this.fixtures.assistant();
		String thread = this.fixtures.thread("Count");
		String run = this.fixtures.run(thread, Map.of("assistant_id", assistant)).get("id").asString();

		JsonNode refused = Api.delete(this.fixtures.client, "/v1/threads/" + thread, 400);
		assertThat(refused.at("/error/message").asString()).contains(thread).contains(run).contains("cancel");
		assertThat(this.fixtures.getRun(thread, run).get("status").asString()).isIn("queued", "in_progress");

		Api.post(this.fixtures.client, "/v1/threads/" + thread + "/runs/" + run + "/cancel", Map.of(), 200);
		assertThat(this.fixtures.awaitRun(thread, run).get("status").asString()).isEqualTo("cancelled");
		Api.delete(this.fixtures.client, "/v1/threads/" + thread, 200);
		Api.get(this.fixtures.client, "/v1/threads/" + thread, 404);
		Api.get(this.fixtures.client, "/v1/threads/" + thread + "/runs/" + run, 404);
	}

}
