package com.threadline.chat.isolation;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.threadline.chat.support.Api;
import com.threadline.chat.support.OwnedDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production set-up of {@code docker-compose.yml}: the app connects as a
 * non-superuser role without BYPASSRLS that owns its tables, so FORCE ROW LEVEL SECURITY
 * binds the app itself. Migrations, every write and every read must still work, which
 * they only do when {@code app.tenant_id} is set for each transaction.
 */
class NonSuperuserDeploymentTests {

	private static OwnedDatabase database;

	private static ConfigurableApplicationContext app;

	@BeforeAll
	static void start() throws SQLException {
		database = OwnedDatabase.create("threadline_owner_probe");
		app = database.startApp();
	}

	@AfterAll
	static void stop() throws SQLException {
		if (app != null) {
			app.close();
		}
		database.drop();
	}

	@Test
	void servesTenantsAsANonSuperuserTableOwnerUnderForcedRowLevelSecurity() {
		Api api = new Api(((WebServerApplicationContext) app).getWebServer().getPort());
		Api.Tenant a = api.newTenant("A");
		Api.Tenant b = api.newTenant("B");
		WebTestClient alice = api.as(api.userToken(a, "alice"));
		String thread = Api
			.post(alice, "/v1/threads", Map.of("messages", List.of(Map.of("role", "user", "content", "hi"))), 200)
			.get("id")
			.asString();
		Api.post(alice, "/v1/threads/" + thread + "/messages", Map.of("role", "user", "content", "again"), 200);
		Api.post(api.as(a.apiKey()), "/v1/assistants", Map.of("model", "m"), 200);
		Api.post(api.as(a.apiKey()), "/v1/courses", Map.of("course_date", "2026-11-24", "start_time", "20:00",
				"end_time", "22:00", "course_name", "c", "instructor", "i"), 201);

		JsonNode messages = Api.get(alice, "/v1/threads/" + thread + "/messages", 200);
		assertThat(messages.get("data")).hasSize(2);
		assertThat(Api.get(api.as(a.apiKey()), "/v1/courses", 200).get("data")).hasSize(1);
		assertThat(Api.get(api.as(b.apiKey()), "/v1/threads", 200).get("data")).isEmpty();
		Api.get(api.as(b.apiKey()), "/v1/threads/" + thread, 404);
	}

}
