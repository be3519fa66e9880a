package com.threadline.chat.thread;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.type.format.jackson.Jackson3JsonFormatMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.threadline.chat.support.Api;
import com.threadline.chat.support.IntegrationTest;
import com.threadline.chat.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * jsonb columns through Hibernate's JSON mapping: what the database holds, read as a
 * superuser, and what comes back over HTTP.
 */
class JsonColumnTests extends IntegrationTest {

	@Autowired
	EntityManagerFactory entityManagerFactory;

	private WebTestClient key;

	@BeforeEach
	void tenant() {
		this.key = this.api.as(this.api.newTenant("JSON columns").apiKey());
	}

	@Test
	void mapsJsonThroughJackson3() {
		assertThat(this.entityManagerFactory.unwrap(SessionFactoryImplementor.class)
			.getSessionFactoryOptions()
			.getJsonFormatMapper()).isInstanceOf(Jackson3JsonFormatMapper.class);
	}

	@Test
	void storesEmptyMetadataAsEmptyObjectAndMissingValuesAsSqlNull() throws SQLException {
		String threadId = Api.post(this.key, "/v1/threads", Map.of("metadata", Map.of()), 200).get("id").asString();
		String messageId = Api
			.post(this.key, "/v1/threads/" + threadId + "/messages", Map.of("role", "user", "content", "hi"), 200)
			.get("id")
			.asString();

		assertThat(single("select metadata::text from threads where id = ?", threadId)).isEqualTo("{}");
		assertThat(single("select tool_resources is null from threads where id = ?", threadId)).isEqualTo("t");
		assertThat(single("select metadata::text from messages where id = ?", messageId)).isEqualTo("{}");
		assertThat(single("select incomplete_details is null from messages where id = ?", messageId)).isEqualTo("t");
		assertThat(Api.get(this.key, "/v1/threads/" + threadId, 200).get("metadata").isEmpty()).isTrue();
	}

	@Test
	void keepsContentPartsInOrderWithTheirUnicode() throws SQLException {
		String threadId = Api.post(this.key, "/v1/threads", Map.of(), 200).get("id").asString();
		List<Map<String, String>> parts = List.of(Map.of("type", "text", "text", "第一 🧵"),
				Map.of("type", "text", "text", "zweite \u00df \u2028 \"quoted\""), Map.of("type", "text", "text", "3"));
		String messageId = Api
			.post(this.key, "/v1/threads/" + threadId + "/messages",
					Map.of("role", "user", "content", parts, "metadata", Map.of("名字", "王卓然")), 200)
			.get("id")
			.asString();

		assertThat(single(
				"select string_agg(p -> 'text' ->> 'value', '|' order by n) "
						+ "from messages, jsonb_array_elements(content) with ordinality as e(p, n) where id = ?",
				messageId))
			.isEqualTo("第一 🧵|zweite \u00df \u2028 \"quoted\"|3");
		assertThat(single("select metadata ->> '名字' from messages where id = ?", messageId)).isEqualTo("王卓然");

		JsonNode message = Api.get(this.key, "/v1/threads/" + threadId + "/messages/" + messageId, 200);
		assertThat(message.get("content").valueStream().map((p) -> p.get("text").get("value").asString()))
			.containsExactly("第一 🧵", "zweite \u00df \u2028 \"quoted\"", "3");
		assertThat(message.get("metadata").get("名字").asString()).isEqualTo("王卓然");
	}

	private static String single(String sql, String id) throws SQLException {
		try (Connection connection = TestDatabase.get().connect();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, id);
			try (ResultSet result = statement.executeQuery()) {
				assertThat(result.next()).isTrue();
				return result.getString(1);
			}
		}
	}

}
