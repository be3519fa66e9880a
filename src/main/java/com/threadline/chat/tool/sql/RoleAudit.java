package com.threadline.chat.tool.sql;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Asks the database, inside each tool transaction and as the tool role itself, whether
 * the role is still the wall it should be. Any finding makes the call fail closed: a
 * misconfigured deployment (the pool logging in as the application's superuser, a
 * forgotten {@code db/init/ask-db-role.psql}, a stray grant) loses the tool, not its
 * tenants' data.
 */
final class RoleAudit {

	private static final String FINDINGS = """
			select array_remove(array[
			  case when session_user <> ? or current_user <> session_user then 'logged in as ' || session_user end,
			  case when r.rolsuper then 'is a superuser' end,
			  case when r.rolbypassrls then 'has BYPASSRLS' end,
			  case when r.rolcreaterole or r.rolcreatedb or r.rolreplication then 'may create roles or databases, or replicate' end,
			  case when exists (select from pg_auth_members m where m.member = r.oid) then 'is a member of another role' end,
			  case when has_database_privilege(current_database(), 'CREATE') then 'has CREATE on the database' end,
			  case when has_database_privilege(current_database(), 'TEMPORARY') then 'has TEMPORARY on the database' end,
			  case when exists (select from pg_namespace n where has_schema_privilege(n.oid, 'CREATE'))
			       then 'has CREATE on a schema' end,
			  case when has_function_privilege('pg_catalog.set_config(text, text, boolean)', 'EXECUTE')
			       then 'may execute set_config()' end,
			  case when exists (select from pg_class c join pg_namespace n on n.oid = c.relnamespace
			                    where case when c.relkind in ('r', 'p', 'v', 'm', 'f')
			                                and n.nspname not in ('pg_catalog', 'information_schema')
			                                and c.oid <> 'ask_db.courses'::regclass
			                               then has_table_privilege(c.oid, 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER') end)
			       then 'has privileges on tables other than ask_db.courses' end,
			  case when exists (select from pg_class c
			                    where case when c.relkind = 'S' then has_sequence_privilege(c.oid, 'USAGE, SELECT, UPDATE') end)
			       then 'has privileges on a sequence' end,
			  case when has_table_privilege('ask_db.courses', 'INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER')
			       then 'may write ask_db.courses' end,
			  case when current_setting('transaction_read_only') <> 'on' then 'the transaction is not read-only' end
			], null)
			from pg_roles r
			where r.rolname = current_user""";

	private final String role;

	RoleAudit(String role) {
		this.role = role;
	}

	/** What is wrong with the role, as seen from {@code tool}; empty when nothing. */
	List<String> findings(Connection tool) throws SQLException {
		try (PreparedStatement statement = tool.prepareStatement(FINDINGS)) {
			statement.setString(1, this.role);
			try (ResultSet result = statement.executeQuery()) {
				if (!result.next()) {
					return List.of("is not a role");
				}
				Array findings = result.getArray(1);
				return List.of((String[]) findings.getArray());
			}
		}
	}

}
