package com.threadline.chat.tool.sql;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import com.threadline.chat.support.Api;
import com.threadline.chat.support.CourseTenants;
import com.threadline.chat.support.DatabaseState;
import com.threadline.chat.support.HostileQueries;
import com.threadline.chat.support.HostileQueries.HostileQuery;
import com.threadline.chat.support.HostileQueries.Outcome;
import com.threadline.chat.support.IntegrationTest;
import com.threadline.chat.tool.ToolCall;
import com.threadline.chat.tool.ToolContext;
import com.threadline.chat.tool.ToolExecutor;
import com.threadline.chat.tool.ToolExecutors;
import com.threadline.chat.tool.ToolResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code ask_database} executor as the run engine calls it, against the real database
 * with two tenants: the caller's courses come back, nothing else ever does, and every
 * hostile query ends as a tool error or a harmless answer with the data unchanged.
 */
class AskDatabaseToolTests extends IntegrationTest {

	private static final JsonMapper JSON = JsonMapper.shared();

	/** Ten rows (0 to 9) without a row generator, which the gate refuses. */
	private static final String DIGITS = "(VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9))";

	@Autowired
	private ToolExecutors tools;

	@Autowired
	private AskDatabaseProperties properties;

	private CourseTenants tenants;

	@BeforeEach
	void tenants() {
		this.tenants = CourseTenants.shared(this.api);
	}

	@Test
	void answersWithTheCallersCoursesOnly() {
		ToolResult result = ask("SELECT * FROM Courses");

		assertThat(result.error()).isFalse();
		JsonNode output = JSON.readTree(result.output());
		assertThat(output.get("columns").valueStream().map(JsonNode::asString)).containsExactly("id", "course_date",
				"start_time", "end_time", "course_name", "instructor");
		assertThat(output.get("rows").valueStream().map(row -> row.get(4).asString()))
			.containsExactlyInAnyOrderElementsOf(CourseTenants.CALLER_COURSES);
		assertThat(output.get("rows").get(0).get(0).isNumber()).isTrue();
		assertThat(output.get("row_count").asInt()).isEqualTo(3);
		assertThat(output.get("truncated").asBoolean()).isFalse();
		assertNothingOfTheOtherTenant(result);
	}

	@Test
	void answersScheduleQuestionsInPostgresql() {
		ToolResult result = ask("""
				SELECT course_name, to_char(course_date, 'YYYY-MM-DD') AS day, start_time
				FROM courses WHERE instructor = '王卓然' AND course_date >= DATE '2026-11-01'
				ORDER BY course_date, start_time;""");

		JsonNode rows = JSON.readTree(result.output()).get("rows");
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0).get(0).asString()).isEqualTo("AGI 101: 大模型原理");
		assertThat(rows.get(0).get(1).asString()).isEqualTo("2026-11-24");
		assertThat(rows.get(0).get(2).asString()).isEqualTo("19:30:00");
	}

	@Test
	void definesTheFunctionWithTheRealSchema() {
		ToolExecutor tool = this.tools.find("ask_database").orElseThrow();
		assertThat(tool.definition().name()).isEqualTo("ask_database");
		assertThat(tool.definition().parameters().at("/required/0").asString()).isEqualTo("query");
		String schema = tool.definition().parameters().at("/properties/query/description").asString();
		assertThat(schema).contains("PostgreSQL", "CREATE TABLE courses", "course_date date", "instructor")
			.doesNotContain("SQLite");
	}

	@Test
	void capsRowsAndSaysSo() {
		JsonNode output = JSON.readTree(ask("SELECT a.n * 100 + b.n * 10 + c.n AS g FROM " + DIGITS + " a(n), " + DIGITS
				+ " b(n), " + DIGITS + " c(n)")
			.output());

		assertThat(output.get("rows")).hasSize(this.properties.maxRows());
		assertThat(output.get("truncated").asBoolean()).isTrue();
	}

	@Test
	void capsBytesAndSaysSo() {
		ToolResult result = ask(
				"SELECT course_name || g AS name, instructor FROM courses, (SELECT a.n * 10 + b.n AS g FROM " + DIGITS
						+ " a(n), " + DIGITS + " b(n) WHERE a.n < 3) g");

		assertThat(result.output().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
			.isLessThanOrEqualTo((int) this.properties.maxOutputSize().toBytes());
		JsonNode output = JSON.readTree(result.output());
		assertThat(output.get("truncated").asBoolean()).isFalse();
		ToolResult wide = ask(
				"SELECT course_name, md5(g::text) || md5(g::text) || md5(g::text) AS a, md5(g::text) || md5(g::text) AS b FROM courses, (SELECT a.n * 10 + b.n AS g FROM "
						+ DIGITS + " a(n), " + DIGITS + " b(n) WHERE a.n < 3) g");
		JsonNode cut = JSON.readTree(wide.output());
		assertThat(wide.output().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
			.isLessThanOrEqualTo((int) this.properties.maxOutputSize().toBytes());
		assertThat(cut.get("truncated").asBoolean()).isTrue();
		assertThat(cut.get("rows").size()).isBetween(1, 98);
	}

	@Test
	void returnsAFailedQueryToTheModelAsAShortError() {
		ToolResult missing = ask("SELECT teacher FROM courses");
		assertThat(missing.error()).isTrue();
		assertThat(missing.output()).startsWith("Query failed: column \"teacher\" does not exist")
			.doesNotContain("at org.", "jdbc:", "Exception");

		ToolResult slow = ask("SELECT count(*) FROM " + DIGITS + " a(n), " + DIGITS + " b(n), " + DIGITS + " c(n), "
				+ DIGITS + " d(n), " + DIGITS + " e(n), " + DIGITS + " f(n), " + DIGITS + " g(n), " + DIGITS + " h(n), "
				+ DIGITS + " i(n), " + DIGITS + " j(n)");
		assertThat(slow.output()).startsWith("Query cancelled: it ran longer than 2 s");

		ToolResult refused = ask("DELETE FROM courses");
		assertThat(refused.error()).isTrue();
		assertThat(refused.output()).startsWith("Query refused: ");
	}

	@Test
	void rejectsArgumentsThatAreNotAQuery() {
		for (String arguments : List.of("", "not json", "{}", "{\"query\": 42}", "{\"query\": \"  \"}", "[]")) {
			ToolResult result = execute(arguments, this.tenants.caller());
			assertThat(result.error()).isTrue();
			assertThat(result.output()).startsWith("Invalid arguments");
		}
	}

	@Test
	void answersCallsPastTheCapOfOneModelTurnWithAToolError() {
		ToolExecutor tool = this.tools.find("ask_database").orElseThrow();
		ToolContext turn = new ToolContext(this.tenants.caller().id(), "thread_test", "run_cap", "step_cap");
		String arguments = JSON.writeValueAsString(Map.of("query", "SELECT count(*) AS n FROM courses"));
		for (int i = 0; i < this.properties.maxCallsPerTurn(); i++) {
			assertThat(tool.execute(new ToolCall("call_" + i, "ask_database", arguments), turn).output())
				.contains("[[3]]");
		}
		ToolResult over = tool.execute(new ToolCall("call_over", "ask_database", arguments), turn);
		assertThat(over.error()).isTrue();
		assertThat(over.output()).startsWith("Call refused: ask_database may be called at most 5 times in one turn");
		ToolContext next = new ToolContext(this.tenants.caller().id(), "thread_test", "run_cap", "step_next");
		assertThat(tool.execute(new ToolCall("call_next", "ask_database", arguments), next).output()).contains("[[3]]");
	}

	static List<HostileQuery> hostileQueries() {
		return HostileQueries.all();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("hostileQueries")
	void endsEveryHostileQueryAsAToolErrorOrAHarmlessAnswer(HostileQuery hostile) throws Exception {
		String before = DatabaseState.fingerprint(this.properties.username());

		ToolResult result = ask(hostile.sql(this.tenants.other().id()));

		switch (hostile.outcome()) {
			case REFUSED -> assertThat(result.output()).startsWith("Query refused: ");
			case FAILED -> assertThat(result.output()).containsPattern("^Query (failed|cancelled): ");
			case ANSWERED -> assertThat(JSON.readTree(result.output()).has("rows")).isTrue();
		}
		assertThat(result.error()).isEqualTo(hostile.outcome() != Outcome.ANSWERED);
		assertNothingOfTheOtherTenant(result);
		assertThat(DatabaseState.fingerprint(this.properties.username())).isEqualTo(before);
		assertThat(DatabaseState.toolLocks(this.properties.username())).isZero();
		assertThat(ask("SELECT count(*) AS n FROM courses").output()).contains("[[3]]");
	}

	private ToolResult ask(String sql) {
		return execute(JSON.writeValueAsString(Map.of("query", sql)), this.tenants.caller());
	}

	private ToolResult execute(String arguments, Api.Tenant tenant) {
		ToolExecutor tool = this.tools.find("ask_database").orElseThrow();
		return tool.execute(new ToolCall("call_test", "ask_database", arguments),
				new ToolContext(tenant.id(), "thread_test", "run_test"));
	}

	private void assertNothingOfTheOtherTenant(ToolResult result) {
		assertThat(result.output()).doesNotContain(CourseTenants.OTHER_MARKERS);
	}

}
