package com.threadline.chat.tool.sql;

import java.sql.SQLException;
import java.time.Duration;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.threadline.chat.tool.ToolResult;

/**
 * A failed query as the short message the model reads and can act on: PostgreSQL's own
 * message and hint, never a stack trace, and nothing about the connection (errors that
 * did not come from the server become "unavailable" and are logged instead).
 */
final class QueryErrors {

	private static final Logger log = LoggerFactory.getLogger(QueryErrors.class);

	private static final int MAX_LENGTH = 400;

	private static final String QUERY_CANCELED = "57014";

	private QueryErrors() {
	}

	static ToolResult toResult(SQLException ex, Duration statementTimeout) {
		ServerErrorMessage server = (ex instanceof PSQLException psql) ? psql.getServerErrorMessage() : null;
		if (server == null) {
			if (ex.getMessage() != null && ex.getMessage().contains("maxResultBuffer")) {
				return ToolResult.error("Query failed: the result is too large; select fewer rows or columns.");
			}
			log.warn("ask_database: query failed without a server error: {}", ex.toString());
			return QueryRunner.UNAVAILABLE;
		}
		if (QUERY_CANCELED.equals(server.getSQLState())) {
			return ToolResult.error("Query cancelled: it ran longer than %s; write a simpler query."
				.formatted(seconds(statementTimeout)));
		}
		String message = "Query failed: " + server.getMessage()
				+ ((server.getHint() != null) ? " (hint: " + server.getHint() + ")" : "");
		return ToolResult.error(shortened(message));
	}

	private static String seconds(Duration timeout) {
		return (timeout.toMillis() % 1000 == 0) ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
	}

	private static String shortened(String message) {
		String line = message.replaceAll("\\s+", " ").strip();
		return (line.length() > MAX_LENGTH) ? line.substring(0, MAX_LENGTH) + "…" : line;
	}

}
