package com.threadline.chat.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import com.threadline.chat.run.engine.RunSweeper;
import com.threadline.chat.support.Api;
import com.threadline.chat.support.IntegrationTest;
import com.threadline.chat.support.Script;
import com.threadline.chat.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs outlive neither their instance nor a cancel made elsewhere: start-up ends what a
 * previous process left executing, the sweeper ends runs whose owner stopped beating, and
 * the heartbeat stops runs cancelled through another instance.
 */
@Timeout(60)
class RunRecoveryTests extends IntegrationTest {

	@Autowired
	private RunSweeper sweeper;

	@Autowired
	private RunProperties properties;

	private RunFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new RunFixtures(this.api, "Recovery");
	}

	@Test
	void startUpFailsRunsThisInstanceLeftExecuting() throws Exception {
		String assistant = this.fixtures.assistant();
		String thread = this.fixtures.thread("hi");
		String runId = "run_leftbyapreviousprocess";
		insertExecutingRun(runId, thread, assistant, this.properties.instance(), "now()");
		assertThat(Api.get(this.fixtures.client, "/v1/threads/" + thread, 200).get("active_run_id").asString())
			.isEqualTo(runId);
		this.sweeper.recover();
		JsonNode run = this.fixtures.getRun(thread, runId);
		assertThat(run.get("status").asString()).isEqualTo("failed");
		assertThat(run.at("/last_error/code").asString()).isEqualTo("server_error");
		assertThat(run.at("/last_error/message").asString()).contains("interrupted");
		assertThat(Api.get(this.fixtures.client, "/v1/threads/" + thread, 200).get("active_run_id").isNull()).isTrue();
	}

	@Test
	void sweeperEndsRunsWhoseOwnerStoppedBeatingOnly() throws Exception {
		String assistant = this.fixtures.assistant();
		String stale = this.fixtures.thread("a");
		String alive = this.fixtures.thread("b");
		insertExecutingRun("run_ofadeadinstance000001", stale, assistant, "dead-host", "now() - interval '1 hour'");
		insertExecutingRun("run_ofalivinginstance0001", alive, assistant, "other-host", "now()");
		insertReply("msg_halfwrittenbyadeadone1", stale, assistant, "run_ofadeadinstance000001", "Half a re");
		this.sweeper.sweep();
		assertThat(this.fixtures.getRun(stale, "run_ofadeadinstance000001").get("status").asString())
			.isEqualTo("failed");
		JsonNode reply = Api.get(this.fixtures.client, "/v1/threads/" + stale + "/messages/msg_halfwrittenbyadeadone1",
				200);
		assertThat(reply.get("status").asString()).isEqualTo("incomplete");
		assertThat(reply.at("/incomplete_details/reason").asString()).isEqualTo("run_failed");
		assertThat(reply.at("/content/0/text/value").asString()).isEqualTo("Half a re");
		assertThat(this.fixtures.getRun(alive, "run_ofalivinginstance0001").get("status").asString())
			.isEqualTo("in_progress");
	}

	@Test
	void heartbeatStopsARunCancelledThroughAnotherInstance() throws Exception {
		this.model.enqueue(Script.hang());
		String assistant = this.fixtures.assistant();
		String thread = this.fixtures.thread("hi");
		String runId = this.fixtures.run(thread, Map.of("assistant_id", assistant)).get("id").asString();
		this.model.awaitRequests(1, Duration.ofSeconds(10));
		sql("update runs set status = 'cancelling' where id = ?", runId);
		this.sweeper.beat();
		JsonNode run = this.fixtures.awaitRun(thread, runId);
		assertThat(run.get("status").asString()).isEqualTo("cancelled");
		assertThat(run.get("heartbeat_at")).isNull();
	}

	private void insertExecutingRun(String runId, String thread, String assistant, String owner, String heartbeat)
			throws Exception {
		sql("""
				insert into runs (id, tenant_id, thread_id, assistant_id, status, model, truncation_strategy,
				    response_format, tool_choice, expires_at, started_at, owner_instance, heartbeat_at)
				values (?, ?, ?, ?, 'in_progress', 'gpt-test', '{"type":"auto","last_messages":null}', '"auto"',
				    '"auto"', now() + interval '10 minutes', now(), ?, %s)""".formatted(heartbeat), runId,
				this.fixtures.tenant.id(), thread, assistant, owner);
		sql("update threads set active_run_id = ? where id = ?", runId, thread);
	}

	private void insertReply(String messageId, String thread, String assistant, String runId, String text)
			throws Exception {
		sql("""
				insert into messages (id, tenant_id, thread_id, created_at, role, content, status, assistant_id,
				    run_id, attachments, metadata)
				values (?, ?, ?, now(), 'assistant', jsonb_build_array(jsonb_build_object('type', 'text', 'text',
				    jsonb_build_object('value', ?::text, 'annotations', '[]'::jsonb))), 'in_progress', ?, ?,
				    '[]', '{}')""", messageId, this.fixtures.tenant.id(), thread, text, assistant, runId);
	}

	private static void sql(String statement, String... parameters) throws Exception {
		try (Connection connection = TestDatabase.get().connect();
				PreparedStatement prepared = connection.prepareStatement(statement)) {
			for (int i = 0; i < parameters.length; i++) {
				prepared.setString(i + 1, parameters[i]);
			}
			assertThat(prepared.executeUpdate()).isEqualTo(1);
		}
	}

}
