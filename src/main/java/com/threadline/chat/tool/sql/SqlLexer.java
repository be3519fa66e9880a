package com.threadline.chat.tool.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a query into tokens the way PostgreSQL's lexer does, for the restricted SQL that
 * {@code ask_database} accepts. The restrictions (no semicolons, comments, backslashes,
 * dollar signs, Unicode escapes or control characters) remove every construct on which
 * PostgreSQL, the JDBC driver and JSqlParser could read the same text differently (nested
 * comments, backslash escapes, dollar quoting, {@code U&"\0073et_config"}), so every name
 * this lexer reports is exactly a name PostgreSQL will resolve, and the driver sends the
 * text as one statement.
 */
final class SqlLexer {

	/**
	 * The deepest nesting of parentheses and brackets accepted: JSqlParser's time grows
	 * exponentially with nested subqueries (about half a second at this depth), and no
	 * schedule question needs more.
	 */
	static final int MAX_DEPTH = 12;

	enum Kind {

		/** An unquoted name or keyword, lower-cased as PostgreSQL folds it. */
		WORD,
		/** A double-quoted name, as written (case kept). */
		QUOTED_NAME, STRING, NUMBER, SYMBOL

	}

	record Token(Kind kind, String text) {
	}

	private final String sql;

	private final List<Token> tokens = new ArrayList<>();

	private int position;

	private int depth;

	private SqlLexer(String sql) {
		this.sql = sql;
	}

	static List<Token> tokens(String sql) {
		SqlLexer lexer = new SqlLexer(sql);
		lexer.run();
		return List.copyOf(lexer.tokens);
	}

	private void run() {
		while (this.position < this.sql.length()) {
			char c = this.sql.charAt(this.position);
			refuseOutsideQuotes(c);
			if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
				this.position++;
			}
			else if (c == '\'' || c == '"') {
				quoted(c);
			}
			else if (isWordStart(c)) {
				word();
			}
			else if (isDigit(c) || (c == '.' && isDigit(peek(1)))) {
				number();
			}
			else {
				symbol(c);
			}
		}
	}

	private void refuseOutsideQuotes(char c) {
		refuseAnywhere(c);
		char next = peek(1);
		if ((c == '-' && next == '-') || (c == '/' && next == '*')) {
			throw new QueryRefused("comments are not allowed");
		}
		if ((c == 'u' || c == 'U') && next == '&') {
			throw new QueryRefused("Unicode escapes (U&) are not allowed");
		}
		if (c == '$') {
			throw new QueryRefused("'$' (dollar quoting, parameters) is not allowed; use single quotes");
		}
		if (c == '{' || c == '}') {
			throw new QueryRefused("'{' and '}' are only allowed inside string literals");
		}
	}

	private static void refuseAnywhere(char c) {
		if (c == ';') {
			throw new QueryRefused("send exactly one statement, without ';' (use chr(59) for a literal semicolon)");
		}
		if (c == '\\') {
			throw new QueryRefused("backslashes are not allowed (use chr(92) for a literal backslash)");
		}
		if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
			throw new QueryRefused("control characters are not allowed");
		}
	}

	/** A string literal or a quoted name; a doubled quote stands for itself. */
	private void quoted(char quote) {
		StringBuilder text = new StringBuilder();
		int i = this.position + 1;
		while (true) {
			if (i >= this.sql.length()) {
				throw new QueryRefused("unterminated " + ((quote == '\'') ? "string literal" : "quoted name"));
			}
			char c = this.sql.charAt(i);
			refuseAnywhere(c);
			if (c == quote) {
				if (i + 1 < this.sql.length() && this.sql.charAt(i + 1) == quote) {
					text.append(quote);
					i += 2;
					continue;
				}
				break;
			}
			text.append(c);
			i++;
		}
		this.position = i + 1;
		this.tokens.add(new Token((quote == '\'') ? Kind.STRING : Kind.QUOTED_NAME, text.toString()));
	}

	private void word() {
		int start = this.position;
		while (this.position < this.sql.length() && isWordPart(this.sql.charAt(this.position))) {
			this.position++;
		}
		String word = this.sql.substring(start, this.position);
		this.tokens.add(new Token(Kind.WORD, word.toLowerCase(Locale.ROOT)));
	}

	/**
	 * Digits, an optional fraction and exponent; anything after it is a new token, so a
	 * name glued to a number ({@code 1pg_sleep}) is still seen as a name.
	 */
	private void number() {
		int start = this.position;
		skipDigits();
		if (peek(0) == '.') {
			this.position++;
			skipDigits();
		}
		if ((peek(0) == 'e' || peek(0) == 'E')
				&& (isDigit(peek(1)) || ((peek(1) == '+' || peek(1) == '-') && isDigit(peek(2))))) {
			this.position += 2;
			skipDigits();
		}
		this.tokens.add(new Token(Kind.NUMBER, this.sql.substring(start, this.position)));
	}

	private void symbol(char c) {
		if ((c == '(' || c == '[') && ++this.depth > MAX_DEPTH) {
			throw new QueryRefused("parentheses are nested too deeply");
		}
		if (c == ')' || c == ']') {
			this.depth--;
		}
		this.position++;
		this.tokens.add(new Token(Kind.SYMBOL, String.valueOf(c)));
	}

	private void skipDigits() {
		while (isDigit(peek(0))) {
			this.position++;
		}
	}

	private char peek(int offset) {
		int i = this.position + offset;
		return (i < this.sql.length()) ? this.sql.charAt(i) : '\0';
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	/** PostgreSQL: ASCII letters, underscore, and any non-ASCII character. */
	private static boolean isWordStart(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'
				|| (c >= 0x80 && !Character.isISOControl(c));
	}

	private static boolean isWordPart(char c) {
		return isWordStart(c) || isDigit(c);
	}

}
