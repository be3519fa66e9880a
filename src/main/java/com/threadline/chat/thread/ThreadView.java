package com.threadline.chat.thread;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A thread in OpenAI's v2 shape, plus two extensions: {@code user}, its owner, and
 * {@code active_run_id}, the run that holds it while active.
 */
public record ThreadView(String id, String object, long createdAt, Map<String, String> metadata, JsonNode toolResources,
		@Nullable String user, @Nullable String activeRunId) {

	static ThreadView of(ChatThread t) {
		return new ThreadView(t.id, "thread", t.createdAt.getEpochSecond(), t.metadata,
				(t.toolResources != null) ? t.toolResources : JsonNodeFactory.instance.objectNode(), t.user,
				t.activeRunId);
	}

}
