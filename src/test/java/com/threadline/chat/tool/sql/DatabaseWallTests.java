package com.threadline.chat.tool.sql;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;

import com.threadline.chat.support.CourseTenants;
import com.threadline.chat.support.DatabaseState;
import com.threadline.chat.support.HostileQueries;
import com.threadline.chat.support.HostileQueries.HostileQuery;
import com.threadline.chat.support.IntegrationTest;
import com.threadline.chat.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The first wall on its own: the tool's database role, with the parser gate out of the
 * way. Its attributes and privileges as the database reports them; a direct login that
 * sees no course at all; and every hostile query sent as it is (several statements and
 * all) through the tool's per-call transaction, ending in an error or a harmless result
 * with nothing of the other tenant and nothing changed.
 */
class DatabaseWallTests extends IntegrationTest {

	@Autowired
	private AskDatabaseProperties properties;

	@Autowired
	private AskDatabasePool pool;

	@Autowired
	private QueryRunner runner;

	private CourseTenants tenants;

	@BeforeEach
	void tenants() {
		this.tenants = CourseTenants.shared(this.api);
	}

	@Test
	void theRoleIsNoSuperuserMemberOfNothingAndMayOnlyReadTheCourseView() throws SQLException {
		try (Connection connection = TestDatabase.get().connect();
				Statement statement = connection.createStatement();
				ResultSet role = statement.executeQuery(
						"""
								select r.rolsuper, r.rolbypassrls, r.rolcreaterole, r.rolcreatedb, r.rolreplication, r.rolinherit,
								       r.rolcanlogin,
								       (select count(*) from pg_auth_members m where m.member = r.oid) as memberships,
								       has_database_privilege(r.rolname, current_database(), 'CREATE') as db_create,
								       has_database_privilege(r.rolname, current_database(), 'TEMPORARY') as db_temp,
								       has_function_privilege(r.rolname, 'pg_catalog.set_config(text, text, boolean)', 'EXECUTE')
								         as set_config,
								       has_function_privilege(r.rolname, 'pg_catalog.query_to_xml(text, boolean, boolean, text)',
								         'EXECUTE') as query_to_xml,
								       (select count(*) from pg_namespace n where has_schema_privilege(r.rolname, n.oid, 'CREATE'))
								         as schemas_with_create,
								       (select string_agg(c.oid::regclass::text, ', ') from pg_class c
								        join pg_namespace n on n.oid = c.relnamespace
								        where c.relkind in ('r', 'p', 'v', 'm', 'f')
								          and n.nspname not in ('pg_catalog', 'information_schema')
								          and has_table_privilege(r.rolname, c.oid, 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE'))
								         as readable,
								       has_table_privilege(r.rolname, 'ask_db.courses', 'INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER')
								         as view_writable,
								       (select setconfig::text from pg_db_role_setting s where s.setrole = r.oid and s.setdatabase = 0)
								         as settings
								from pg_roles r where r.rolname = '%s'"""
							.formatted(this.properties.username()))) {
			assertThat(role.next()).isTrue();
			for (String flag : List.of("rolsuper", "rolbypassrls", "rolcreaterole", "rolcreatedb", "rolreplication",
					"rolinherit", "db_create", "db_temp", "set_config", "query_to_xml", "view_writable")) {
				assertThat(role.getBoolean(flag)).as(flag).isFalse();
			}
			assertThat(role.getBoolean("rolcanlogin")).isTrue();
			assertThat(role.getLong("memberships")).isZero();
			assertThat(role.getLong("schemas_with_create")).isZero();
			assertThat(role.getString("readable")).isEqualTo("ask_db.courses");
			assertThat(role.getString("settings")).contains("search_path=ask_db", "default_transaction_read_only=on",
					"statement_timeout=30s");
		}
	}

	@Test
	void aDirectLoginSeesNoCourseAndCanChangeNothing() throws SQLException {
		try (Connection tool = TestDatabase.get().connectAs(this.properties.username(), ASK_DB_PASSWORD);
				Statement statement = tool.createStatement()) {
			// Privileges alone, not the read-only default, must stop every write below.
			statement.execute("set default_transaction_read_only = off");
			statement.execute("set app.tenant_id = '" + this.tenants.caller().id() + "'");
			assertThat(count(statement, "select count(*) from ask_db.courses")).isZero();
			assertThat(count(statement, "select count(*) from courses")).isZero();
			assertThat(single(statement,
					"select ask_db_seal.bind_tenant('%s', '%s')".formatted(this.tenants.caller().id(), "0".repeat(64))))
				.isEqualTo("f");
			for (String denied : List.of("select * from public.courses", "select * from public.tenants",
					"select * from ask_db_seal.seal_key", "select set_config('app.tenant_id', 'x', false)",
					"select query_to_xml('select 1', true, true, '')", "create temp table t (x int)",
					"create table ask_db.t (x int)", "create table public.t (x int)", "set role postgres",
					"set session authorization postgres", "select * from ask_db.courses for update",
					"insert into ask_db.courses (course_name) values ('x')",
					"update ask_db.courses set instructor = 'x'", "delete from ask_db.courses",
					"select pg_terminate_backend(pg_backend_pid())", "select * from pg_authid")) {
				assertThatExceptionOfType(SQLException.class).as(denied)
					.isThrownBy(() -> statement.execute(denied))
					.satisfies(ex -> assertThat(ex.getSQLState()).isEqualTo("42501"));
			}
		}
	}

	@Test
	void theRoleMigrationWillNotTakeOverARoleThatOwnsSomething() throws Exception {
		String migration = Files.readString(Path.of("src/main/resources/db/migration/V21__create_ask_db_role.sql"))
			.replace("${ask_db_password}", "");
		try (Connection connection = TestDatabase.get().connect(); Statement statement = connection.createStatement()) {
			connection.setAutoCommit(false);
			for (String owner : List.of("postgres", TestDatabase.get().username())) {
				assertThatExceptionOfType(SQLException.class)
					.isThrownBy(() -> statement.execute(migration.replace("${ask_db_role}", owner)))
					.withMessageContaining("must name a dedicated role that owns nothing");
				connection.rollback();
			}
			assertThat(single(statement, "select rolsuper from pg_roles where rolname = current_user")).isEqualTo("t");
			connection.rollback();
		}
	}

	@Test
	void settingTheTenantInsideABoundTransactionShowsNothingRatherThanAnotherTenant() throws SQLException {
		try (Connection connection = this.pool.connection()) {
			try {
				assertThat(this.runner.begin(connection, this.tenants.caller().id())).isNull();
				try (Statement statement = connection.createStatement()) {
					assertThat(count(statement, "select count(*) from courses")).isEqualTo(3);
					statement.execute("set local app.tenant_id = '" + this.tenants.other().id() + "'");
					assertThat(count(statement, "select count(*) from courses")).isZero();
				}
			}
			finally {
				this.runner.reset(connection);
			}
		}
	}

	static List<HostileQuery> hostileQueries() {
		return HostileQueries.all();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("hostileQueries")
	void holdsEveryHostileQueryWithoutTheParserGate(HostileQuery hostile) throws Exception {
		String before = DatabaseState.fingerprint(this.properties.username());

		String seen = runUngated(hostile.sql(this.tenants.other().id()));

		assertThat(seen).doesNotContain(CourseTenants.OTHER_MARKERS);
		assertThat(DatabaseState.fingerprint(this.properties.username())).isEqualTo(before);
		assertThat(DatabaseState.toolLocks(this.properties.username())).isZero();
		assertThat(this.runner.run(this.tenants.caller().id(), "select count(*) as n from courses").output())
			.contains("[[3]]");
	}

	/** Every result and error of {@code sql}, run in the tool's per-call transaction. */
	private String runUngated(String sql) throws SQLException {
		List<String> seen = new ArrayList<>();
		try (Connection connection = this.pool.connection()) {
			try (Statement statement = connection.createStatement()) {
				assertThat(this.runner.begin(connection, this.tenants.caller().id())).isNull();
				statement.setMaxRows(200);
				boolean rows = statement.execute(sql);
				while (rows || statement.getUpdateCount() != -1) {
					if (rows) {
						try (ResultSet result = statement.getResultSet()) {
							seen.add(text(result));
						}
					}
					rows = statement.getMoreResults();
				}
			}
			catch (SQLException ex) {
				seen.add(ex.getMessage());
			}
			finally {
				this.runner.reset(connection);
			}
		}
		return String.join("\n", seen);
	}

	private static String text(ResultSet result) throws SQLException {
		StringBuilder text = new StringBuilder();
		int columns = result.getMetaData().getColumnCount();
		while (result.next()) {
			for (int i = 1; i <= columns; i++) {
				text.append(result.getString(i)).append('\t');
			}
			text.append('\n');
		}
		return text.toString();
	}

	private static long count(Statement statement, String sql) throws SQLException {
		return Long.parseLong(single(statement, sql));
	}

	private static String single(Statement statement, String sql) throws SQLException {
		try (ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getString(1);
		}
	}

}
