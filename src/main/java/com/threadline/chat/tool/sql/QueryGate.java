package com.threadline.chat.tool.sql;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.util.TablesNamesFinder;

import com.threadline.chat.tool.sql.SqlLexer.Kind;
import com.threadline.chat.tool.sql.SqlLexer.Token;

/**
 * The second wall: lets through exactly one read-only SELECT (set operations and plain
 * CTEs allowed) over the {@code courses} view, and refuses anything it cannot read for
 * certain. Two independent checks: every token against {@link DeniedNames} (exact, since
 * {@link SqlLexer} reads the text as PostgreSQL will), then JSqlParser for the shape (one
 * statement, a SELECT, no data-modifying CTE, no locking clause, no {@code INTO}, no
 * table but {@code courses}).
 */
final class QueryGate implements AutoCloseable {

	/** The longest query accepted, in characters. */
	static final int MAX_LENGTH = 8_000;

	private static final long PARSE_TIMEOUT_MILLIS = 2_000;

	private static final Set<String> FIRST_WORDS = Set.of("select", "with", "values");

	/**
	 * JSqlParser parses on a worker so that the gate can give up on pathological input.
	 * Platform threads, few: a parse that ignores its cancellation burns one of these,
	 * not a carrier of the application's virtual threads.
	 */
	private final ExecutorService parsing = Executors.newFixedThreadPool(2,
			Thread.ofPlatform().daemon().name("ask-database-parser-", 0).factory());

	/**
	 * The query to send, a trailing semicolon dropped.
	 * @throws QueryRefused if it is not a single plain SELECT over {@code courses}
	 */
	String check(String query) {
		String sql = withoutTrailingSemicolon(query.strip());
		if (sql.isEmpty()) {
			throw new QueryRefused("the query is empty");
		}
		if (sql.length() > MAX_LENGTH) {
			throw new QueryRefused("the query is longer than %d characters".formatted(MAX_LENGTH));
		}
		List<Token> tokens = SqlLexer.tokens(sql);
		checkStart(tokens.getFirst());
		tokens.forEach(QueryGate::checkName);
		checkShape(parse(sql));
		return sql;
	}

	private static String withoutTrailingSemicolon(String sql) {
		return sql.endsWith(";") ? sql.substring(0, sql.length() - 1).strip() : sql;
	}

	private static void checkStart(Token first) {
		boolean select = (first.kind() == Kind.WORD && FIRST_WORDS.contains(first.text()))
				|| (first.kind() == Kind.SYMBOL && first.text().equals("("));
		if (!select) {
			throw new QueryRefused("only SELECT queries are allowed");
		}
	}

	private static void checkName(Token token) {
		boolean name = token.kind() == Kind.WORD || token.kind() == Kind.QUOTED_NAME;
		if (name && DeniedNames.contains(token.text())) {
			throw new QueryRefused(
					"'%s' is not allowed: write a plain SELECT over the courses table, without ".formatted(token.text())
							+ "system functions or catalogs, locking clauses, INTO or writes");
		}
	}

	private Statement parse(String sql) {
		try {
			Statements statements = CCJSqlParserUtil.parseStatements(sql, this.parsing,
					parser -> parser.withTimeOut(PARSE_TIMEOUT_MILLIS));
			if (statements == null || statements.size() != 1) {
				throw new QueryRefused("send exactly one statement");
			}
			return statements.getFirst();
		}
		catch (JSQLParserException ex) {
			throw new QueryRefused("the query could not be parsed as a PostgreSQL SELECT (" + reason(ex) + ")");
		}
	}

	private static String reason(JSQLParserException ex) {
		Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
		String message = String.valueOf(cause.getMessage()).lines().findFirst().orElse("").strip();
		return (message.length() > 160) ? message.substring(0, 160) + "…" : message;
	}

	private static void checkShape(Statement statement) {
		if (!(statement instanceof Select select)) {
			throw new QueryRefused("only SELECT queries are allowed");
		}
		if (select instanceof PlainSelect plain && (plain.getIntoTables() != null || plain.getForMode() != null)) {
			throw new QueryRefused("SELECT INTO and locking clauses are not allowed");
		}
		Set<String> cteNames = new HashSet<>();
		if (select.getWithItemsList() != null) {
			for (WithItem<?> item : select.getWithItemsList()) {
				if (!(item.getParenthesedStatement() instanceof ParenthesedSelect)) {
					throw new QueryRefused("a WITH query may only hold SELECTs");
				}
				cteNames.add(normalized(item.getAliasName()));
			}
		}
		for (String table : tables(select)) {
			String name = normalized(table);
			if (!name.equals("courses") && !name.equals("ask_db.courses") && !cteNames.contains(name)) {
				throw new QueryRefused("only the courses table can be queried, not " + table);
			}
		}
	}

	private static Set<String> tables(Select select) {
		try {
			return new TablesNamesFinder<Void>().getTables((Statement) select);
		}
		catch (RuntimeException ex) {
			throw new QueryRefused("the query uses a construct the gate cannot check; write a plainer SELECT");
		}
	}

	/** Unquoted parts fold to lower case; quoted parts keep their case. */
	private static String normalized(String qualifiedName) {
		StringBuilder name = new StringBuilder();
		for (String part : qualifiedName.split("\\.", -1)) {
			boolean quoted = part.length() >= 2 && part.startsWith("\"") && part.endsWith("\"");
			name.append(name.isEmpty() ? "" : ".")
				.append(quoted ? part.substring(1, part.length() - 1) : part.toLowerCase(Locale.ROOT));
		}
		return name.toString();
	}

	@Override
	public void close() {
		this.parsing.shutdownNow();
	}

}
