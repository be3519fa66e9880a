package com.threadline.chat.tool.sql;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The parser gate on its own: what a model plausibly writes to answer schedule questions
 * passes; anything else is refused with a reason the model can act on. (The database
 * walls behind it are proven by {@code AskDatabaseToolTests} and
 * {@code DatabaseWallTests}.)
 */
class QueryGateTests {

	private static QueryGate gate;

	@BeforeAll
	static void gate() {
		gate = new QueryGate();
	}

	@AfterAll
	static void close() {
		gate.close();
	}

	@ParameterizedTest
	@ValueSource(strings = { "SELECT * FROM Courses", "select * from courses;",
			"SELECT course_name, course_date, start_time FROM courses WHERE course_date >= current_date ORDER BY course_date, start_time LIMIT 5",
			"select * from ask_db.courses", "select count(*) from courses where instructor ilike '%王%'",
			"select course_name from courses where course_date between current_date and current_date + interval '7 days'",
			"select extract(dow from course_date) as dow, to_char(course_date, 'YYYY-MM-DD') from courses",
			"with next as (select * from courses where course_date >= current_date) select * from next order by course_date limit 1",
			"select course_name from courses union select instructor from courses",
			"(select course_name from courses) except (select course_name from courses where instructor = 'x')",
			"select instructor, count(*) filter (where course_date > now()) from courses group by instructor having count(*) > 1",
			"select distinct on (instructor) instructor, course_date from courses order by instructor, course_date",
			"select c.course_name, c.course_date::text from courses c where c.course_name = 'AGI, part 2'",
			"select row_number() over (order by course_date) as n, course_name from courses",
			"select * from courses where course_name like 'it''s%' fetch first 3 rows only",
			"select date_trunc('week', course_date) as week, count(*) from courses group by 1 order by 1",
			"select course_name as \"课程\" from courses", "values (1), (2)", "select 1",
			"select max(end_time - start_time) from courses", "select * from courses where id in (1, 2, 3)",
			"select count(*) from courses a, courses b",
			"select instructor, count(*), min(course_date) from courses group by instructor" })
	void letsThroughPlainSelects(String sql) {
		assertThat(gate.check(sql)).isEqualTo(sql.strip().replaceFirst(";$", ""));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", ";", "delete from courses", "update courses set instructor = 'x'",
			"insert into courses values (1)", "drop table courses", "truncate courses", "select 1; select 2",
			"select 1; delete from courses", "with x as (delete from courses returning *) select * from x",
			"select * from courses for update", "select * from courses for share", "select * into t from courses",
			"select set_config('app.tenant_id', 'other', true)", "select current_setting('app.tenant_id')",
			"set role postgres", "reset role", "select pg_sleep(10)", "SELECT PG_SLEEP(10)", "select \"pg_sleep\"(10)",
			"select 1pg_sleep", "select pg_read_file('/etc/passwd')", "select lo_import('/etc/passwd')",
			"select * from pg_catalog.pg_authid", "select * from pg_class", "select * from information_schema.tables",
			"select * from public.courses", "select * from threads", "select * from tenants",
			"select (select count(*) from api_keys) from courses", "select * from courses c join messages m on true",
			"copy courses to stdout", "copy (select 1) to program 'id'", "do $$ begin end $$", "lock table courses",
			"listen x", "notify x", "prepare p as select 1", "execute p", "explain select * from courses",
			"table courses", "select 1 -- comment", "select 1 /* comment */", "select /* /* */ 1 */ 2", "select $$x$$",
			"select $1", "select U&\"\\0073et_config\"('a', 'b', true)", "select E'\\''", "select '\\'; select 1'",
			"select 'unterminated", "select \"unterminated",
			"select query_to_xml('select * from public.courses', true, true, '')",
			"select database_to_xml(true, true, '')", "select xpath('/a', '<a/>')", "select '<a/>'::xml",
			"select txid_current()", "select pg_advisory_lock(1)", "select dblink('x', 'select 1')",
			"select nextval('courses_id_seq')", "select repeat('x', 1000000000)", "select lpad('x', 1000000000, 'y')",
			"select ts_stat('select * from public.courses')", "select has_table_privilege('threads', 'select')",
			"select 'courses'::regclass", "select * from ask_db_seal.seal_key",
			"select ask_db_seal.bind_tenant('t', 's')", "select 1 where exists (select 1 from pg_stat_activity)",
			"select {fn now()}", "select generate_series(1, 3)", "select * from generate_series(1, 1000000000000)",
			"select generate_subscripts('{1,2}'::int[], 1)",
			"with recursive r(n) as (select 1 union all select n + 1 from r) select count(*) from r",
			"WITH RECURSIVE r AS (select 1) select * from r", "select string_agg(course_name, ',') from courses",
			"select array_agg(a.course_name) from courses a, courses b, courses c", "select json_agg(c) from courses c",
			"select jsonb_agg(c) from courses c", "select json_object_agg(id, course_name) from courses",
			"select jsonb_object_agg(a.id, b.course_name) from courses a, courses b",
			"select json_arrayagg(course_name) from courses", "select xmlagg(course_name::xml) from courses",
			"select range_agg(int4range(1, 2))", "select array(select a.course_name from courses a, courses b)",
			"select rpad(course_name, 500000000) from courses", "select * from \"Courses\"",
			"select * from courses where course_name = 'a;b'" })
	void refusesEverythingElse(String sql) {
		assertThatExceptionOfType(QueryRefused.class).isThrownBy(() -> gate.check(sql))
			.withMessageNotContaining("Exception");
	}

	@Test
	void refusesQueriesOverTheLengthLimit() {
		String sql = "select * from courses where course_name = '" + "x".repeat(QueryGate.MAX_LENGTH) + "'";
		assertThatExceptionOfType(QueryRefused.class).isThrownBy(() -> gate.check(sql)).withMessageContaining("longer");
	}

	@Test
	void refusesDeepNesting() {
		String sql = "select " + "(".repeat(SqlLexer.MAX_DEPTH + 1) + "1" + ")".repeat(SqlLexer.MAX_DEPTH + 1);
		assertThatExceptionOfType(QueryRefused.class).isThrownBy(() -> gate.check(sql)).withMessageContaining("nested");
	}

	@Test
	void namesTheReasonForTheModel() {
		assertThatExceptionOfType(QueryRefused.class).isThrownBy(() -> gate.check("select pg_sleep(1)"))
			.withMessageContaining("'pg_sleep' is not allowed");
		assertThatExceptionOfType(QueryRefused.class).isThrownBy(() -> gate.check("select 1; select 2"))
			.withMessageContaining("without ';'");
		assertThatExceptionOfType(QueryRefused.class).isThrownBy(() -> gate.check("select * from threads"))
			.withMessageContaining("only the courses table");
	}

}
