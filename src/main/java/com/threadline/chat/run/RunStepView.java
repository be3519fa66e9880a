package com.threadline.chat.run;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import com.threadline.chat.run.engine.code.CodeInterpreterCall;

/** A run step in OpenAI's v2 shape ({@code thread.run.step}). */
public record RunStepView(String id, String object, long createdAt, String runId, String assistantId, String threadId,
		String type, String status, JsonNode stepDetails, @Nullable JsonNode lastError, @Nullable Long expiredAt,
		@Nullable Long cancelledAt, @Nullable Long failedAt, @Nullable Long completedAt, Map<String, String> metadata,
		RunView.@Nullable Usage usage) {

	/** The type of a step that writes a reply. */
	public static final String MESSAGE_CREATION = "message_creation";

	/** The type of a step that holds tool calls. */
	public static final String TOOL_CALLS = "tool_calls";

	/**
	 * A step as clients see it, in OpenAI's exact shape. OpenAI shows a step's usage only
	 * once it has ended.
	 */
	static RunStepView of(RunStep s) {
		return of(s, CodeInterpreterCall.forClients(s.stepDetails));
	}

	/**
	 * A step as stored, for the engine alone: its details keep what the engine records
	 * for itself (see {@link CodeInterpreterCall}).
	 */
	static RunStepView stored(RunStep s) {
		return of(s, s.stepDetails);
	}

	private static RunStepView of(RunStep s, JsonNode details) {
		return new RunStepView(s.id, "thread.run.step", s.createdAt.getEpochSecond(), s.runId, s.assistantId,
				s.threadId, s.type, s.status.wire(), details, s.lastError, RunView.seconds(s.expiredAt),
				RunView.seconds(s.cancelledAt), RunView.seconds(s.failedAt), RunView.seconds(s.completedAt), s.metadata,
				s.isInProgress() ? null : s.usage());
	}

}
