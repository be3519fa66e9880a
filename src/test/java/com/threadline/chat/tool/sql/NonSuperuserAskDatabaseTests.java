package com.threadline.chat.tool.sql;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.threadline.chat.support.Api;
import com.threadline.chat.support.IntegrationTest;
import com.threadline.chat.support.OwnedDatabase;
import com.threadline.chat.support.TestDatabase;
import com.threadline.chat.tool.ToolCall;
import com.threadline.chat.tool.ToolContext;
import com.threadline.chat.tool.ToolExecutors;
import com.threadline.chat.tool.ToolResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment of {@code docker-compose.yml}: the app migrates and runs as a plain role
 * that owns its tables (so FORCE ROW LEVEL SECURITY binds the course view too), and may
 * neither manage roles nor revoke from PUBLIC. Until a superuser has run
 * {@code db/init/ask-db-role.psql} the tool fails closed; afterwards it answers with the
 * caller's courses only, and the app itself still works without {@code set_config()}.
 */
class NonSuperuserAskDatabaseTests {

	private static final String OWNER = "threadline_askdb_owner_probe";

	private static final JsonMapper JSON = JsonMapper.shared();

	private static OwnedDatabase database;

	private static ConfigurableApplicationContext app;

	@BeforeAll
	static void start() throws SQLException {
		database = OwnedDatabase.create(OWNER);
		app = database.startApp("--chat.tool.sql.password=" + IntegrationTest.ASK_DB_PASSWORD);
	}

	@AfterAll
	static void stop() throws SQLException {
		if (app != null) {
			app.close();
		}
		database.drop();
	}

	@Test
	void failsClosedUntilASuperuserHardensTheDatabaseThenAnswersForTheCallerOnly() throws Exception {
		Api api = new Api(((WebServerApplicationContext) app).getWebServer().getPort());
		Api.Tenant caller = api.newTenant("Caller");
		Api.Tenant other = api.newTenant("Other");
		addCourse(api, caller, "Caller course");
		addCourse(api, other, "ZZ-OTHER-TENANT course");

		ToolResult before = ask(caller, "SELECT course_name FROM courses");
		assertThat(before.error()).isTrue();
		assertThat(before.output()).isEqualTo(QueryRunner.UNAVAILABLE.output());

		runRoleScript();

		ToolResult after = ask(caller, "SELECT course_name FROM courses");
		assertThat(after.error()).isFalse();
		assertThat(JSON.readTree(after.output()).get("rows").toString()).isEqualTo("[[\"Caller course\"]]");
		assertThat(Api.get(api.as(caller.apiKey()), "/v1/courses", 200).get("data")).hasSize(1);
		assertThat(ask(caller, "SELECT * FROM courses WHERE course_name LIKE 'ZZ%'").output()).contains("[]");
	}

	/** What a superuser runs once: the body of db/init/ask-db-role.psql, without psql. */
	private static void runRoleScript() throws IOException, SQLException {
		String script = Files.readString(Path.of("db/init/ask-db-role.psql"));
		String body = script.substring(script.indexOf("do $script$"), script.indexOf("$script$;") + 9);
		TestDatabase.Info db = TestDatabase.get();
		try (Connection connection = DriverManager.getConnection(database.url(), db.username(), db.password());
				Statement statement = connection.createStatement()) {
			statement.execute("set ask_db.role = 'threadline_ask_db'");
			statement.execute("set ask_db.password = '" + IntegrationTest.ASK_DB_PASSWORD + "'");
			statement.execute("set ask_db.app_role = '" + OWNER + "'");
			statement.execute(body);
		}
	}

	private static ToolResult ask(Api.Tenant tenant, String sql) {
		return app.getBean(ToolExecutors.class)
			.find("ask_database")
			.orElseThrow()
			.execute(new ToolCall("call_probe", "ask_database", JSON.writeValueAsString(Map.of("query", sql))),
					new ToolContext(tenant.id(), "thread_probe", "run_probe"));
	}

	private static void addCourse(Api api, Api.Tenant tenant, String name) {
		Api.post(api.as(tenant.apiKey()), "/v1/courses", Map.of("course_date", "2026-11-24", "start_time", "20:00",
				"end_time", "22:00", "course_name", name, "instructor", "i"), 201);
	}

}
