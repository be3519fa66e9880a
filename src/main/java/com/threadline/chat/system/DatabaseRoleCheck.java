package com.threadline.chat.system;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses a configured database login that row-level security would not bind: a superuser
 * or a role with BYPASSRLS sees every tenant's rows whatever the policies say, so
 * isolation would silently rest on the application's queries alone. The embedded database
 * of the zero-setup start is exempt (its only user is the app itself).
 */
final class DatabaseRoleCheck {

	private static final Logger log = LoggerFactory.getLogger(DatabaseRoleCheck.class);

	static final String FIX = "Connect as a plain login role that owns the application's tables: "
			+ "db/init/01-create-app-role.sh creates one (NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE), "
			+ "then set SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD to it. For local development "
			+ "only, CHAT_DATABASE_ALLOWSUPERUSER=true starts anyway.";

	/** What the login may do that matters here. */
	record Role(String name, boolean superuser, boolean bypassRls) {

		boolean unsafe() {
			return this.superuser || this.bypassRls;
		}

		String what() {
			return this.superuser ? "is a superuser" : "has BYPASSRLS";
		}

	}

	private DatabaseRoleCheck() {
	}

	static Role roleOf(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery(
						"select rolname, rolsuper, rolbypassrls from pg_roles where rolname = current_user")) {
			if (!row.next()) {
				throw new SQLException("current_user is missing from pg_roles");
			}
			return new Role(row.getString(1), row.getBoolean(2), row.getBoolean(3));
		}
	}

	/**
	 * Throws when {@code role} is unsafe and not allowed; warns when it is unsafe and
	 * allowed.
	 */
	static void check(Role role, DatabaseProperties properties) {
		if (!role.unsafe()) {
			return;
		}
		if (!properties.allowSuperuser()) {
			throw new IllegalStateException(("Refusing to start: the database role '%s' %s, so PostgreSQL's "
					+ "row-level security does not apply to it and tenant isolation would rest on the application "
					+ "alone. %s")
				.formatted(role.name(), role.what(), FIX));
		}
		log.warn(
				"chat.database.allow-superuser is on: the database role '{}' {}, so row-level security does not "
						+ "bind this application. Development only; never run a deployment like this.",
				role.name(), role.what());
	}

}
