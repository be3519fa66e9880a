package com.threadline.chat.tool.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.threadline.chat.tool.ToolResult;

/**
 * Runs one query for one tenant on the tool's own pool: a read-only transaction bound to
 * the tenant by its seal, with transaction-local timeouts and {@code search_path}, the
 * role audited first, a JDBC timeout and row cap as backstops, and always rolled back;
 * the session is then reset ({@code DISCARD ALL}) so nothing a query did (an advisory
 * lock, a setting) outlives it. The text is sent as it is: what may be sent is the gate's
 * business, and this class runs below it.
 */
final class QueryRunner {

	private static final Logger log = LoggerFactory.getLogger(QueryRunner.class);

	static final ToolResult UNAVAILABLE = ToolResult
		.error("ask_database is unavailable right now; answer without the course schedule or try again later.");

	private final AskDatabasePool pool;

	private final TenantSeal seal;

	private final RoleAudit audit;

	private final AskDatabaseProperties properties;

	QueryRunner(AskDatabasePool pool, TenantSeal seal, RoleAudit audit, AskDatabaseProperties properties) {
		this.pool = pool;
		this.seal = seal;
		this.audit = audit;
		this.properties = properties;
	}

	ToolResult run(String tenantId, String sql) {
		Connection connection;
		try {
			connection = this.pool.connection();
		}
		catch (SQLException ex) {
			log.warn("ask_database: no connection as role {}: {}", this.properties.username(), ex.getMessage());
			return UNAVAILABLE;
		}
		try (connection) {
			try {
				return runIn(connection, tenantId, sql);
			}
			catch (SQLException ex) {
				return QueryErrors.toResult(ex, this.properties.statementTimeout());
			}
			catch (QueryRefused ex) {
				return refused(ex);
			}
			finally {
				reset(connection);
			}
		}
		catch (SQLException ex) {
			log.debug("ask_database: closing a connection failed", ex);
			return UNAVAILABLE;
		}
	}

	static ToolResult refused(QueryRefused ex) {
		return ToolResult.error("Query refused: " + ex.getMessage() + ".");
	}

	private ToolResult runIn(Connection connection, String tenantId, String sql) throws SQLException {
		ToolResult refusal = begin(connection, tenantId);
		if (refusal != null) {
			return refusal;
		}
		try (Statement query = connection.createStatement()) {
			query.setEscapeProcessing(false);
			query.setQueryTimeout((int) this.properties.statementTimeout().toSeconds() + 2);
			query.setMaxRows(this.properties.maxRows() + 1);
			if (!query.execute(sql)) {
				return refused(new QueryRefused("it returned no rows; send a SELECT"));
			}
			try (ResultSet result = query.getResultSet()) {
				return ToolResult
					.ok(new ResultJson(this.properties.maxRows(), (int) this.properties.maxOutputSize().toBytes())
						.write(result));
			}
		}
	}

	/**
	 * Opens the call's transaction on {@code connection}: read-only, local timeouts and
	 * search path, bound to the tenant, the role audited.
	 * @return {@code null} when ready, else why not, for the model
	 */
	@Nullable ToolResult begin(Connection connection, String tenantId) throws SQLException {
		try (Statement settings = connection.createStatement()) {
			settings.execute(transactionSettings());
		}
		if (!this.seal.bind(connection, tenantId)) {
			log.error("ask_database: the database rejected the tenant seal; is chat.tool.sql.url the app's database?");
			return UNAVAILABLE;
		}
		List<String> findings = this.audit.findings(connection);
		if (!findings.isEmpty()) {
			log.error("ask_database is disabled: its role {} {} (docs/ask-database.md)", this.properties.username(),
					String.join(", ", findings));
			return UNAVAILABLE;
		}
		return null;
	}

	private String transactionSettings() {
		long timeout = this.properties.statementTimeout().toMillis();
		return """
				set transaction read only;
				set local search_path = ask_db;
				set local statement_timeout = %d;
				set local lock_timeout = %d;
				set local idle_in_transaction_session_timeout = %d""".formatted(timeout, timeout, timeout + 10_000);
	}

	/**
	 * Rolls back and clears the session; a connection that cannot be is closed for good.
	 */
	void reset(Connection connection) {
		try {
			connection.rollback();
			connection.setAutoCommit(true);
			try (Statement discard = connection.createStatement()) {
				discard.execute("discard all");
			}
		}
		catch (SQLException ex) {
			log.debug("ask_database: evicting a connection that could not be reset: {}", ex.getMessage());
			this.pool.evict(connection);
		}
	}

}
