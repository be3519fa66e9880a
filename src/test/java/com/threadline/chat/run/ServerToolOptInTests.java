package com.threadline.chat.run;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.threadline.chat.support.Api;
import com.threadline.chat.support.IntegrationTest;
import com.threadline.chat.support.Script;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Server-side tools are opt-in per assistant ({@code server_tools}): a function merely
 * named {@code ask_database} is an ordinary client function answered through
 * {@code requires_action}, as on OpenAI; once the tenant or the operator enables it, the
 * server executes it. An end user's token can never enable it.
 */
@Timeout(60)
class ServerToolOptInTests extends IntegrationTest {

	private static final String SQL = "SELECT count(*) AS n FROM courses";

	private RunFixtures fixtures;

	private String assistant;

	@BeforeEach
	void fixtures() {
		this.fixtures = new RunFixtures(this.api, "ServerToolOptIn");
		this.assistant = this.fixtures.assistant(Map.of("tools", List.of(AskDatabaseRunTests.SEED_ASK_DATABASE)));
	}

	@Test
	void aFunctionMerelyNamedAskDatabaseGoesToTheClient() {
		JsonNode created = Api.get(this.fixtures.client, "/v1/assistants/" + this.assistant, 200);
		assertThat(created.get("server_tools")).isEmpty();

		JsonNode run = runAskingTheDatabase();

		assertThat(run.get("status").asString()).isEqualTo("requires_action");
		JsonNode call = run.at("/required_action/submit_tool_outputs/tool_calls/0");
		assertThat(call.at("/function/name").asString()).isEqualTo("ask_database");
		assertThat(call.at("/function/arguments").asString()).contains(SQL);
		assertThat(this.model.requests().get(0).body().at("/tools/0/function/description").asString())
			.isEqualTo(((Map<?, ?>) AskDatabaseRunTests.SEED_ASK_DATABASE.get("function")).get("description"));
	}

	@Test
	void theTenantEnablesItAndTheServerExecutesIt() {
		JsonNode modified = Api.post(this.fixtures.client, "/v1/assistants/" + this.assistant,
				Map.of("server_tools", List.of("ask_database")), 200);
		assertThat(modified.get("server_tools")).extracting(JsonNode::asString).containsExactly("ask_database");

		assertServerExecuted(runAskingTheDatabase());
	}

	@Test
	void theOperatorEnablesAndDisablesIt() {
		String path = "/admin/tenants/" + this.fixtures.tenant.id() + "/assistants/" + this.assistant + "/server_tools";
		JsonNode enabled = Api.post(this.api.admin(), path, Map.of("server_tools", List.of("ask_database")), 200);
		assertThat(enabled.get("server_tools")).extracting(JsonNode::asString).containsExactly("ask_database");
		assertServerExecuted(runAskingTheDatabase());

		Api.post(this.api.admin(), path, Map.of("server_tools", List.of()), 200);
		this.model.reset();
		assertThat(runAskingTheDatabase().get("status").asString()).isEqualTo("requires_action");
	}

	@Test
	void onlyTheOperatorUsesTheOperatorEndpointAndOnlyForTheRightTenant() {
		String path = "/admin/tenants/" + this.fixtures.tenant.id() + "/assistants/" + this.assistant + "/server_tools";
		Map<String, Object> body = Map.of("server_tools", List.of("ask_database"));
		Api.post(this.fixtures.client, path, body, 401);
		Api.post(this.api.as(this.api.userToken(this.fixtures.tenant, "mallory")), path, body, 401);
		Api.Tenant other = this.api.newTenant("ServerToolOptIn-other");
		Api.post(this.api.admin(), "/admin/tenants/" + other.id() + "/assistants/" + this.assistant + "/server_tools",
				body, 404);
		assertThat(Api.get(this.fixtures.client, "/v1/assistants/" + this.assistant, 200).get("server_tools"))
			.isEmpty();
	}

	@Test
	void unknownServerToolsAreRefusedNamingTheEntry() {
		JsonNode unknown = Api.post(this.fixtures.client, "/v1/assistants",
				Map.of("model", "gpt-test", "server_tools", List.of("ask_database", "rm_rf")), 400);
		assertThat(unknown.at("/error/param").asString()).isEqualTo("server_tools[1]");
		assertThat(unknown.at("/error/message").asString()).contains("rm_rf", "ask_database");
		JsonNode notArray = Api.post(this.fixtures.client, "/v1/assistants/" + this.assistant,
				Map.of("server_tools", "ask_database"), 400);
		assertThat(notArray.at("/error/param").asString()).isEqualTo("server_tools");
	}

	private JsonNode runAskingTheDatabase() {
		this.model.enqueue(
				Script.toolCalls(Script.call("call_sql", "ask_database",
						JsonMapper.shared().writeValueAsString(Map.of("query", SQL)))),
				Script.text("There are no courses."));
		String thread = this.fixtures.thread("How many courses are there?");
		String runId = this.fixtures.run(thread, Map.of("assistant_id", this.assistant)).get("id").asString();
		return this.fixtures.awaitRun(thread, runId);
	}

	private void assertServerExecuted(JsonNode run) {
		assertThat(run.get("status").asString()).isEqualTo("completed");
		JsonNode step = this.fixtures.steps(run.get("thread_id").asString(), run.get("id").asString()).get(0);
		assertThat(JsonMapper.shared()
			.readTree(step.at("/step_details/tool_calls/0/function/output").asString())
			.get("rows")
			.toString()).isEqualTo("[[0]]");
		assertThat(this.model.requests().get(0).body().at("/tools/0/function/description").asString())
			.contains("PostgreSQL");
	}

}
