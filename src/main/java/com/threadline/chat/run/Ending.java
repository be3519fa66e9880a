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
public record Ending(RunStatus status, @Nullable JsonNode lastError, @Nullable JsonNode incompleteDetails,
		StepStatus stepStatus, String messageReason) {

	public static Ending completed() {
		return new Ending(RunStatus.COMPLETED, null, null, StepStatus.COMPLETED, "run_failed");
	}

	public static Ending failed(String code, String message) {
		JsonNode error = JsonNodeFactory.instance.objectNode().put("code", code).put("message", message);
		return new Ending(RunStatus.FAILED, error, null, StepStatus.FAILED, "run_failed");
	}

	public static Ending cancelled() {
		return new Ending(RunStatus.CANCELLED, null, null, StepStatus.CANCELLED, "run_cancelled");
	}

	public static Ending expired() {
		return new Ending(RunStatus.EXPIRED, null, null, StepStatus.EXPIRED, "run_expired");
	}

	/**
	 * Ran out of a token budget: {@code max_completion_tokens} or
	 * {@code max_prompt_tokens}.
	 */
	public static Ending incomplete(String reason) {
		return new Ending(RunStatus.INCOMPLETE, null, JsonNodeFactory.instance.objectNode().put("reason", reason),
				StepStatus.FAILED, "max_tokens");
	}

	/** The {@code last_error} of the steps this ending settles. */
	@Nullable JsonNode stepError() {
		return (this.stepStatus == StepStatus.FAILED) ? this.lastError : null;
	}

}
