package com.threadline.chat.tool.sql;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Names a query may not contain anywhere, as a keyword, a function, a table, a schema or
 * even a column alias. Checked on every token, not on a parse tree, so no construct the
 * parser does not walk can hide one. The database role is the wall behind this list: most
 * of these are also refused to it by privileges, revoked grants or the read-only
 * transaction.
 */
final class DeniedNames {

	private static final Set<String> EXACT = Set.of(
			// writes, locking clauses and SELECT INTO (which creates a table)
			"insert", "update", "delete", "merge", "truncate", "into", "returning", "share", "nowait", "locked",
			// the tenant binding and the settings behind it
			"set_config", "current_setting", "ask_db_seal", "bind_tenant", "sealed_tenant",
			// schemas other than the tool's own
			"public", "information_schema",
			// functions that run SQL given as text
			"ts_stat", "ts_rewrite",
			// sequences
			"nextval", "setval", "currval", "lastval",
			// string and array amplifiers (a 1 GB value in one call)
			"repeat", "lpad", "rpad", "format", "array_fill",
			// row generators and recursion: billions of rows from a few characters
			"generate_series", "generate_subscripts", "recursive",
			// ARRAY(subquery) folds every row of a (cross-joined) subquery into one value
			"array",
			// the server's and client's network addresses
			"inet_client_addr", "inet_client_port", "inet_server_addr", "inet_server_port",
			// large objects (legacy names)
			"loread", "lowrite",
			// catalog lookups by name
			"regclass", "regcollation", "regconfig", "regdictionary", "regnamespace", "regoper", "regoperator",
			"regproc", "regprocedure", "regrole", "regtype");

	/**
	 * {@code pg_}: every catalog table and view, and the administration functions
	 * ({@code pg_sleep}, {@code pg_read_file}, {@code pg_ls_dir}, {@code pg_stat_file},
	 * {@code pg_advisory_lock}, {@code pg_terminate_backend}, {@code pg_notify}, …).
	 */
	private static final List<String> PREFIXES = List.of("pg_", "lo_", "dblink", "txid_", "xml", "xpath", "to_reg",
			"brin_", "gin_");

	/**
	 * {@code query_to_xml}, {@code cursor_to_xml}, {@code database_to_xml} and the like
	 * run SQL given as text; {@code has_table_privilege} and its kin probe the catalog.
	 */
	private static final List<String> INFIXES = List.of("to_xml", "privilege");

	/**
	 * Aggregates that fold all rows into one value ({@code string_agg},
	 * {@code array_agg}, {@code json_agg}, {@code jsonb_object_agg},
	 * {@code json_arrayagg}, {@code xmlagg}, {@code range_agg}, …): over a cross join, a
	 * value of up to 1 GB in the database's memory. Rows are what the model gets anyway,
	 * capped.
	 */
	private static final List<String> SUFFIXES = List.of("agg");

	private DeniedNames() {
	}

	static boolean contains(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return EXACT.contains(lower) || PREFIXES.stream().anyMatch(lower::startsWith)
				|| INFIXES.stream().anyMatch(lower::contains) || SUFFIXES.stream().anyMatch(lower::endsWith);
	}

}
