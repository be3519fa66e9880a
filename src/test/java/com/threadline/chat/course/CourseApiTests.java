package com.threadline.chat.course;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.web.reactive.server.WebTestClient;

import com.threadline.chat.support.Api;
import com.threadline.chat.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class CourseApiTests extends IntegrationTest {

	private WebTestClient key;

	@BeforeEach
	void tenant() {
		this.key = this.api.as(this.api.newTenant("Courses").apiKey());
	}

	@Test
	void addsOneOrManyCoursesAndListsThemInScheduleOrder() {
		JsonNode one = Api.post(this.key, "/v1/courses", course("2026-12-03", "20:00", "Agent 架构"), 201);
		assertThat(one.get("course_name").asString()).isEqualTo("Agent 架构");
		assertThat(one.get("id").isNumber()).isTrue();
		JsonNode many = Api.post(this.key, "/v1/courses",
				Map.of("data", List.of(course("2026-12-01", "20:00", "RAG"), course("2026-12-01", "18:00", "Prompt"))),
				201);
		assertThat(many.get("data")).hasSize(2);
		JsonNode list = Api.get(this.key, "/v1/courses", 200);
		assertThat(list.get("data").findValuesAsString("course_name")).containsExactly("Prompt", "RAG", "Agent 架构");
		JsonNode first = list.get("data").get(0);
		assertThat(first.get("course_date").asString()).isEqualTo("2026-12-01");
		assertThat(first.get("start_time").asString()).isEqualTo("18:00:00");
		assertThat(first.get("end_time").asString()).isEqualTo("20:00:00");
		assertThat(first.get("instructor").asString()).isEqualTo("王卓然");
	}

	@Test
	void rejectsMalformedCoursesAndStoresNoneOfABadBatch() {
		assertThat(Api.post(this.key, "/v1/courses", course("2026-13-01", "20:00", "x"), 400)
			.at("/error/param")
			.asString()).isEqualTo("course_date");
		assertThat(Api
			.post(this.key, "/v1/courses", Map.of("course_date", "2026-12-01", "start_time", "20:00", "end_time",
					"19:00", "course_name", "x", "instructor", "y"), 400)
			.at("/error/param")
			.asString()).isEqualTo("end_time");
		assertThat(Api.post(this.key, "/v1/courses",
				Map.of("data", List.of(course("2026-12-01", "20:00", "ok"), Map.of("course_date", "2026-12-01"))), 400)
			.at("/error/param")
			.asString()).isEqualTo("data[1].start_time");
		assertThat(Api.get(this.key, "/v1/courses", 200).get("data")).isEmpty();
	}

	private static Map<String, Object> course(String date, String start, String name) {
		String end = "%02d:00".formatted(Integer.parseInt(start.substring(0, 2)) + 2);
		return Map.of("course_date", date, "start_time", start, "end_time", end, "course_name", name, "instructor",
				"王卓然");
	}

}
