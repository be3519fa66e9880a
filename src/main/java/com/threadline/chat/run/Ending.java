package com.threadline.chat.run;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * How a run ends: its final status and details, what its unfinished steps become, and why
 * an unfinished reply is incomplete.
 *
 * @param status the run's final status
 * @param lastError the run's (and its failed steps') {@code last_error}, or {@code null}
 * @param incompleteDetails the run's {@code incomplete_details}, or {@code null}
 * @param stepStatus the status of steps still in progress
 * @param messageReason the {@code incomplete_details.reason} of a reply still being
 * written
 */
record Ending(String status, @Nullable JsonNode lastError, @Nullable JsonNode incompleteDetails, String stepStatus,
		String messageReason) {

	static Ending completed() {
		return new Ending(RunStatus.COMPLETED, null, null, "completed", "run_failed");
	}

	static Ending failed(String code, String message) {
		JsonNode error = JsonNodeFactory.instance.objectNode().put("code", code).put("message", message);
		return new Ending(RunStatus.FAILED, error, null, "failed", "run_failed");
	}

	static Ending cancelled() {
		return new Ending(RunStatus.CANCELLED, null, null, "cancelled", "run_cancelled");
	}

	static Ending expired() {
		return new Ending(RunStatus.EXPIRED, null, null, "expired", "run_expired");
	}

	/**
	 * Ran out of a token budget: {@code max_completion_tokens} or
	 * {@code max_prompt_tokens}.
	 */
	static Ending incomplete(String reason) {
		return new Ending(RunStatus.INCOMPLETE, null, JsonNodeFactory.instance.objectNode().put("reason", reason),
				"failed", "max_tokens");
	}

	/** The ending a stop request calls for. */
	static Ending of(LiveRun.Stop stop) {
		return switch (stop) {
			case CANCEL -> cancelled();
			case EXPIRE -> expired();
			case SHUTDOWN -> failed("server_error", "The run was interrupted: the server shut down.");
			case STREAM_FULL -> failed("server_error",
					"The run was stopped: its event stream outgrew the limit this server keeps per run.");
			case LOG_FULL -> failed("server_error",
					"The run was stopped: this server's event log is full of active runs; try again later.");
		};
	}

}
