package com.threadline.chat.assistant;

import java.time.Instant;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

@Entity
@Table(name = "assistants")
class Assistant {

	@Id
	String id;

	String tenantId;

	@Generated
	@Column(insertable = false, updatable = false)
	@Nullable Long seq;

	Instant createdAt;

	@Nullable String name;

	@Nullable String description;

	String model;

	@Nullable String instructions;

	@JdbcTypeCode(SqlTypes.JSON)
	JsonNode tools;

	@JdbcTypeCode(SqlTypes.JSON)
	@Nullable JsonNode toolResources;

	@JdbcTypeCode(SqlTypes.JSON)
	Map<String, String> metadata;

	@Nullable Double temperature;

	@Column(name = "top_p")
	@Nullable Double topP;

	@JdbcTypeCode(SqlTypes.JSON)
	@Nullable JsonNode responseFormat;

	/** The server-side tools the tenant or the operator enabled; none by default. */
	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(columnDefinition = "text[]")
	String[] serverTools = new String[0];

	@Nullable Integer maxPromptTokens;

	@Nullable Integer maxCompletionTokens;

	protected Assistant() {
	}

	Assistant(String id, String tenantId, String model, JsonNode tools, Map<String, String> metadata) {
		this.id = id;
		this.tenantId = tenantId;
		this.createdAt = Instant.now();
		this.model = model;
		this.tools = tools;
		this.metadata = metadata;
	}

}
