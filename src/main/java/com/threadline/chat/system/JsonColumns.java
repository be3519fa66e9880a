package com.threadline.chat.system;

import java.util.Map;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JPA converters for {@code jsonb} columns (pair them with
 * {@code @ColumnTransformer(write = "?::jsonb")}).
 */
public final class JsonColumns {

	private static final JsonMapper JSON = JsonMapper.shared();

	private JsonColumns() {
	}

	/** A string-to-string map, such as {@code metadata}. */
	@Converter
	public static class StringMap implements AttributeConverter<Map<String, String>, String> {

		@Override
		public @Nullable String convertToDatabaseColumn(@Nullable Map<String, String> attribute) {
			return (attribute != null) ? JSON.writeValueAsString(attribute) : null;
		}

		@Override
		public @Nullable Map<String, String> convertToEntityAttribute(@Nullable String column) {
			return (column != null) ? JSON.readValue(column, new TypeReference<Map<String, String>>() {
			}) : null;
		}

	}

	/** Any JSON value, such as {@code tools} or message {@code content}. */
	@Converter
	public static class Node implements AttributeConverter<JsonNode, String> {

		@Override
		public @Nullable String convertToDatabaseColumn(@Nullable JsonNode attribute) {
			return (attribute != null) ? JSON.writeValueAsString(attribute) : null;
		}

		@Override
		public @Nullable JsonNode convertToEntityAttribute(@Nullable String column) {
			return (column != null) ? JSON.readTree(column) : null;
		}

	}

}
