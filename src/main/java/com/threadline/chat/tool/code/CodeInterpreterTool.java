package com.threadline.chat.tool.code;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import com.threadline.chat.tool.ToolCall;
import com.threadline.chat.tool.ToolContext;
import com.threadline.chat.tool.ToolDefinition;
import com.threadline.chat.tool.ToolExecutor;
import com.threadline.chat.tool.ToolResult;
import com.threadline.chat.tool.code.jail.InterpreterBroken;
import com.threadline.chat.tool.code.jail.InterpreterPool;

/**
 * {@code code_interpreter}: runs the model's Python in the thread's sandboxed session.
 * The code is hostile by assumption (docs/code-interpreter.md); whatever it does ends as
 * its output or a tool error, never as an exception of the run.
 */
final class CodeInterpreterTool implements ToolExecutor {

	static final String NAME = "code_interpreter";

	private static final Logger log = LoggerFactory.getLogger(CodeInterpreterTool.class);

	private static final JsonMapper JSON = JsonMapper.shared();

	private static final ToolResult BAD_ARGUMENTS = ToolResult
		.error("Invalid arguments: expected {\"code\": \"<Python 3 source>\"}.");

	private static final ToolDefinition DEFINITION = describe();

	private final InterpreterPool pool;

	private final Sessions sessions;

	private final SessionWork work;

	CodeInterpreterTool(InterpreterPool pool, Sessions sessions, SessionWork work) {
		this.pool = pool;
		this.sessions = sessions;
		this.work = work;
	}

	@Override
	public ToolDefinition definition() {
		return DEFINITION;
	}

	@Override
	public Optional<String> unavailable() {
		return this.pool.unavailable();
	}

	@Override
	public ToolResult execute(ToolCall call, ToolContext context) {
		Optional<String> unavailable = unavailable();
		if (unavailable.isPresent()) {
			return ToolResult.error(unavailable.get());
		}
		String code = code(call.arguments());
		if (code == null) {
			return BAD_ARGUMENTS;
		}
		try {
			return this.sessions.call(new Sessions.Key(context.tenantId(), context.threadId()),
					session -> this.work.run(session, code, context));
		}
		catch (Sessions.Refused ex) {
			return ToolResult.error("Call refused: " + ex.getMessage() + ".");
		}
		catch (InterpreterBroken ex) {
			log.info("code_interpreter session of thread {} (tenant {}) was reset: {}", context.threadId(),
					context.tenantId(), ex.getMessage());
			return ToolResult.error("The Python session stopped: " + ex.getMessage()
					+ ". It has been reset: all variables and files in /mnt/data were lost; the next call starts a"
					+ " fresh session.");
		}
	}

	/**
	 * The code: the {@code code} of a JSON object, or the raw text when it is not JSON.
	 */
	static @Nullable String code(String arguments) {
		JsonNode node;
		try {
			node = JSON.readTree(arguments);
		}
		catch (JacksonException ex) {
			return arguments.isBlank() ? null : arguments;
		}
		if (node == null || !node.isObject()) {
			String text = (node != null && node.isString()) ? node.asString() : arguments;
			return text.isBlank() ? null : text;
		}
		JsonNode code = node.path("code");
		return (code.isString() && !code.asString().isBlank()) ? code.asString() : null;
	}

	private static ToolDefinition describe() {
		ObjectNode code = JsonNodeFactory.instance.objectNode().put("type", "string").put("description", """
				Python 3 source to run. The value of a last bare expression is printed, as in a notebook.""");
		ObjectNode parameters = JsonNodeFactory.instance.objectNode().put("type", "object");
		parameters.putObject("properties").set("code", code);
		parameters.putArray("required").add("code");
		parameters.put("additionalProperties", false);
		return new ToolDefinition(NAME, """
				Runs Python 3 code in a sandboxed, stateful session of this conversation and returns what it \
				printed. numpy, pandas and matplotlib are installed; there is no network access and no package \
				installation. Variables, imports and files persist between calls. Files the user attached are in \
				/mnt/data; save files you create there too (they are returned to the user, cite them as \
				sandbox:/mnt/data/<name>). Charts shown with plt.show() are returned to the user as images. \
				A call may run for a limited time; long or heavy computations are stopped.""", parameters);
	}

}
