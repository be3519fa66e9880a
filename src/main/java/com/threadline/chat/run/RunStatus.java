package com.threadline.chat.run;

import java.util.Map;
import java.util.Set;

/**
 * OpenAI's run status machine: queued → in_progress → (requires_action → queued) →
 * completed | incomplete | failed | cancelling → cancelled | expired.
 */
final class RunStatus {

	static final String QUEUED = "queued";

	static final String IN_PROGRESS = "in_progress";

	static final String REQUIRES_ACTION = "requires_action";

	static final String CANCELLING = "cancelling";

	static final String CANCELLED = "cancelled";

	static final String FAILED = "failed";

	static final String COMPLETED = "completed";

	static final String INCOMPLETE = "incomplete";

	static final String EXPIRED = "expired";

	private static final Map<String, Set<String>> NEXT = Map.of(QUEUED,
			Set.of(IN_PROGRESS, CANCELLING, FAILED, EXPIRED), IN_PROGRESS,
			Set.of(REQUIRES_ACTION, COMPLETED, INCOMPLETE, FAILED, CANCELLING, EXPIRED), REQUIRES_ACTION,
			Set.of(QUEUED, CANCELLING, FAILED, EXPIRED), CANCELLING, Set.of(CANCELLED, FAILED, EXPIRED));

	private RunStatus() {
	}

	/** Whether a run in {@code from} may move to {@code to}. */
	static boolean allows(String from, String to) {
		return NEXT.getOrDefault(from, Set.of()).contains(to);
	}

	/** Whether the run still holds its thread. */
	static boolean isActive(String status) {
		return NEXT.containsKey(status);
	}

	/**
	 * Whether a cancel request applies (OpenAI: queued, in_progress, requires_action).
	 */
	static boolean isCancellable(String status) {
		return status.equals(QUEUED) || status.equals(IN_PROGRESS) || status.equals(REQUIRES_ACTION);
	}

}
