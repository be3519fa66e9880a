package com.threadline.chat.tool.sql;

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

/**
 * {@code ask_database}: answers course-schedule questions by running the SQL the model
 * writes over the calling tenant's courses, server-side. The model is treated as hostile
 * (prompt injection writes whatever an attacker wants): the query passes the
 * {@link QueryGate}, then runs as a role that can read nothing but the tenant's courses
 * (docs/ask-database.md). A refused or failed query goes back to the model as a short
 * error so it can correct itself.
 */
final class AskDatabaseTool implements ToolExecutor {

	static final String NAME = "ask_database";

	private static final Logger log = LoggerFactory.getLogger(AskDatabaseTool.class);

	private static final JsonMapper JSON = JsonMapper.shared();

	private static final ToolResult BAD_ARGUMENTS = ToolResult
		.error("Invalid arguments: expected {\"query\": \"<one PostgreSQL SELECT over courses>\"}.");

	private final ToolDefinition definition;

	private final QueryGate gate;

	private final QueryRunner runner;

	private final CallLimits limits;

	AskDatabaseTool(AskDatabaseProperties properties, QueryGate gate, QueryRunner runner) {
		this.definition = definition(properties.maxRows());
		this.gate = gate;
		this.runner = runner;
		this.limits = new CallLimits(properties.maxConcurrentPerTenant(), properties.maxCallsPerTurn(),
				properties.connectionTimeout());
	}

	@Override
	public ToolDefinition definition() {
		return this.definition;
	}

	@Override
	public ToolResult execute(ToolCall call, ToolContext context) {
		try (CallLimits.Permit permit = this.limits.admit(context)) {
			return checkedAndRun(call, context);
		}
		catch (CallLimits.Refused ex) {
			log.info("ask_database refused a call in run {} of tenant {}: {}", context.runId(), context.tenantId(),
					ex.getMessage());
			return ToolResult.error("Call refused: " + ex.getMessage() + ".");
		}
	}

	private ToolResult checkedAndRun(ToolCall call, ToolContext context) {
		String query = query(call.arguments());
		if (query == null) {
			return BAD_ARGUMENTS;
		}
		String sql;
		try {
			sql = this.gate.check(query);
		}
		catch (QueryRefused ex) {
			log.info("ask_database refused a query in run {} of tenant {}: {}", context.runId(), context.tenantId(),
					ex.getMessage());
			return QueryRunner.refused(ex);
		}
		return this.runner.run(context.tenantId(), sql);
	}

	private static @Nullable String query(String arguments) {
		try {
			JsonNode query = JSON.readTree(arguments).path("query");
			return (query.isString() && !query.asString().isBlank()) ? query.asString() : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static ToolDefinition definition(int maxRows) {
		ObjectNode query = JsonNodeFactory.instance.objectNode().put("type", "string").put("description", """
				One PostgreSQL SELECT statement that extracts the information answering the user's question, \
				written for this schema: CREATE TABLE courses (id bigint PRIMARY KEY, course_date date NOT NULL, \
				start_time time NOT NULL, end_time time NOT NULL, course_name varchar(255) NOT NULL, \
				instructor varchar(255) NOT NULL); The table holds the current organisation's courses. \
				Use PostgreSQL syntax and functions (current_date, now(), interval '7 days', extract, to_char, \
				date_trunc, ILIKE). Write the query as plain SQL text, not JSON; no semicolons, comments or \
				backslashes.""");
		ObjectNode parameters = JsonNodeFactory.instance.objectNode().put("type", "object");
		parameters.putObject("properties").set("query", query);
		parameters.putArray("required").add("query");
		parameters.put("additionalProperties", false);
		return new ToolDefinition(NAME, """
				Use this function to answer user questions about the course schedule. It runs one read-only \
				PostgreSQL SELECT over the table courses and returns JSON: {"columns": [...], "rows": [[...]], \
				"row_count": n, "truncated": bool}, at most %d rows. An error message means the query was refused \
				or failed; fix the query and call again.""".formatted(maxRows), parameters);
	}

}
