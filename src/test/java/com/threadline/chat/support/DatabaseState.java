package com.threadline.chat.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What a hostile query must leave as it was, read as a superuser: every row of the
 * application's tables, the relations that exist, the tool role's attributes, memberships
 * and privileges; and whether any session of the tool role holds a lock.
 */
public final class DatabaseState {

	private static final String ROWS = "(select count(*) || ':' || md5(coalesce(string_agg(t::text, ',' order by t::text), '')) from %s t)";

	private static final String SCHEMA_AND_ROLE = """
			concat_ws(' | ',
			  (select string_agg(c.relname, ',' order by c.relname) from pg_class c join pg_namespace n on n.oid = c.relnamespace
			   where n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast') and n.nspname not like 'pg_toast_temp%%'),
			  (select row(r.rolsuper, r.rolbypassrls, r.rolcreaterole, r.rolcreatedb, r.rolreplication, r.rolinherit)::text
			   from pg_roles r where r.rolname = '%1$s'),
			  (select count(*) from pg_auth_members m join pg_roles r on r.oid = m.member where r.rolname = '%1$s'),
			  (select datacl::text from pg_database where datname = current_database()),
			  (select proacl::text from pg_proc where oid = 'pg_catalog.set_config(text, text, boolean)'::regprocedure),
			  (select relacl::text from pg_class where oid = 'ask_db.courses'::regclass))""";

	private static final String TOOL_LOCKS = """
			select count(*) from pg_locks l join pg_stat_activity a on a.pid = l.pid
			where a.usename = '%s' and a.datname = current_database()""";

	private DatabaseState() {
	}

	/**
	 * Every row of the application's tables (conversations included), the relations that
	 * exist, and the tool role's attributes, memberships and privileges.
	 */
	public static String fingerprint(String toolRole) throws SQLException {
		return single("select concat_ws(' | ', " + rows("public.threads", "public.messages") + ", "
				+ fingerprintSql(toolRole) + ")");
	}

	/**
	 * As {@link #fingerprint}, leaving out threads and messages (which a run writes).
	 */
	public static String fingerprintOutsideConversations(String toolRole) throws SQLException {
		return single("select " + fingerprintSql(toolRole));
	}

	private static String fingerprintSql(String toolRole) {
		return "concat_ws(' | ', " + rows("public.tenants", "public.api_keys", "public.assistants", "public.courses",
				"ask_db_seal.seal_key") + ", " + SCHEMA_AND_ROLE.formatted(toolRole) + ")";
	}

	private static String rows(String... tables) {
		return String.join(", ", java.util.Arrays.stream(tables).map(ROWS::formatted).toList());
	}

	/**
	 * Locks held by sessions of the tool role in this database (an idle pooled session
	 * holds none), allowing a moment for a connection the pool evicted to close.
	 */
	public static long toolLocks(String toolRole) throws SQLException, InterruptedException {
		long locks = 0;
		for (int attempt = 0; attempt < 50; attempt++) {
			locks = Long.parseLong(single(TOOL_LOCKS.formatted(toolRole)));
			if (locks == 0) {
				break;
			}
			Thread.sleep(100);
		}
		return locks;
	}

	private static String single(String sql) throws SQLException {
		try (Connection connection = TestDatabase.get().connect();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getString(1);
		}
	}

}
