package com.threadline.chat.tool;

import java.util.Optional;

/**
 * A tool the server runs itself instead of handing the call to the client through
 * {@code requires_action}. A function tool whose name equals {@code definition().name()}
 * is executed here; the definition given to the model is this one, not the one the
 * assistant declared.
 */
public interface ToolExecutor {

	ToolDefinition definition();

	/**
	 * Runs one call. A failure the model could correct (bad arguments, a refused query)
	 * is a {@link ToolResult#error} whose text goes back to the model; it must not throw
	 * for it.
	 */
	ToolResult execute(ToolCall call, ToolContext context);

	/**
	 * Why this tool cannot run on this server (say, its sandbox is not installed), with
	 * what the operator must do; empty when it can. May wait briefly for a start-up
	 * probe.
	 */
	default Optional<String> unavailable() {
		return Optional.empty();
	}

}
