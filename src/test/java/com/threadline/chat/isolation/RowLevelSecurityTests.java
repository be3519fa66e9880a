package com.threadline.chat.isolation;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.threadline.chat.support.Api;
import com.threadline.chat.support.IntegrationTest;
import com.threadline.chat.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The second wall: connected as a plain (non-superuser, no BYPASSRLS) role with full
 * table privileges and no application filter at all, the row-level security policies
 * alone confine every query to {@code app.tenant_id}.
 */
class RowLevelSecurityTests extends IntegrationTest {

	private static final String ROLE = "threadline_rls_probe";

	private static final List<String> TABLES = List.of("assistants", "threads", "messages", "courses", "tenant_models");

	private Api.Tenant a;

	private Api.Tenant b;

	@BeforeEach
	void data() throws SQLException {
		this.a = tenantWithData("RLS-A");
		this.b = tenantWithData("RLS-B");
		try (Connection superuser = TestDatabase.get().connect(); Statement statement = superuser.createStatement()) {
			statement.execute("""
					do $$ begin
					  if not exists (select from pg_roles where rolname = '%1$s') then
					    create role %1$s login password 'probe' nosuperuser nobypassrls;
					  end if;
					end $$""".formatted(ROLE));
			statement.execute("grant usage on schema public to " + ROLE);
			statement
				.execute("grant select, insert, update, delete on %s to %s".formatted(String.join(", ", TABLES), ROLE));
		}
	}

	@Test
	void policiesAloneHideOtherTenantsRows() throws SQLException {
		try (Connection probe = TestDatabase.get().connectAs(ROLE, "probe")) {
			probe.setAutoCommit(false);
			for (String table : TABLES) {
				assertThat(tenantsVisibleIn(probe, table)).as("%s without app.tenant_id", table).isEmpty();
			}
			setTenant(probe, this.a.id());
			for (String table : TABLES) {
				assertThat(tenantsVisibleIn(probe, table)).as(table).containsExactly(this.a.id());
			}
			probe.rollback();
			setTenant(probe, this.b.id());
			for (String table : TABLES) {
				assertThat(tenantsVisibleIn(probe, table)).as(table).containsExactly(this.b.id());
			}
			probe.rollback();
		}
	}

	@Test
	void policiesRefuseWritingAnotherTenantsRows() throws SQLException {
		try (Connection probe = TestDatabase.get().connectAs(ROLE, "probe")) {
			probe.setAutoCommit(false);
			setTenant(probe, this.a.id());
			try (Statement statement = probe.createStatement()) {
				assertThat(statement
					.executeUpdate("update threads set metadata = '{}' where tenant_id = '%s'".formatted(this.b.id())))
					.isZero();
				assertThat(
						statement.executeUpdate("delete from courses where tenant_id <> '%s'".formatted(this.a.id())))
					.isZero();
			}
			assertThatExceptionOfType(SQLException.class).isThrownBy(() -> {
				try (Statement statement = probe.createStatement()) {
					statement.executeUpdate("""
							insert into courses (tenant_id, course_date, start_time, end_time, course_name, instructor)
							values ('%s', current_date, '10:00', '11:00', 'planted', 'x')""".formatted(this.b.id()));
				}
			}).withMessageContaining("row-level security");
			probe.rollback();
		}
	}

	private Api.Tenant tenantWithData(String name) {
		Api.Tenant tenant = this.api.newTenant(name);
		Api.post(this.api.as(tenant.apiKey()), "/v1/assistants", Map.of("model", "m"), 200);
		Api.post(this.api.as(tenant.apiKey()), "/v1/threads",
				Map.of("messages", List.of(Map.of("role", "user", "content", "hi"))), 200);
		Api.post(this.api.as(tenant.apiKey()), "/v1/courses", Map.of("course_date", "2026-11-24", "start_time", "20:00",
				"end_time", "22:00", "course_name", name, "instructor", "x"), 201);
		Api.post(this.api.admin(), "/admin/tenants/" + tenant.id() + "/models", Map.of("models", List.of("m")), 200);
		return tenant;
	}

	/**
	 * As the application does: {@code SET LOCAL}, since EXECUTE on {@code set_config} is
	 * revoked from PUBLIC (docs/ask-database.md). Tenant ids are plain tokens.
	 */
	private static void setTenant(Connection connection, String tenantId) throws SQLException {
		assertThat(tenantId).matches("[A-Za-z0-9_-]+");
		try (Statement statement = connection.createStatement()) {
			statement.execute("set local app.tenant_id = '" + tenantId + "'");
		}
	}

	private List<String> tenantsVisibleIn(Connection connection, String table) throws SQLException {
		List<String> tenants = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select distinct tenant_id from " + table
						+ " where tenant_id in ('%s', '%s')".formatted(this.a.id(), this.b.id()))) {
			while (rows.next()) {
				tenants.add(rows.getString(1));
			}
		}
		return tenants;
	}

}
