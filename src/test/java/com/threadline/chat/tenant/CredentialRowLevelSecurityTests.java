package com.threadline.chat.tenant;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.threadline.chat.support.Api;
import com.threadline.chat.support.IntegrationTest;
import com.threadline.chat.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signing keys and revocations are tenant-owned like every other table: connected as
 * a plain role with full privileges, the row-level security policies alone confine it to
 * {@code app.tenant_id}.
 */
class CredentialRowLevelSecurityTests extends IntegrationTest {

	private static final String ROLE = "threadline_credentials_probe";

	private static final List<String> TABLES = List.of("signing_keys", "user_token_revocations");

	@Test
	void policiesAloneHideOtherTenantsKeysAndRevocations() throws SQLException {
		Api.Tenant a = tenantWithRevocation("Credentials-A");
		Api.Tenant b = tenantWithRevocation("Credentials-B");
		createProbe();
		try (Connection probe = TestDatabase.get().connectAs(ROLE, "probe")) {
			probe.setAutoCommit(false);
			for (String table : TABLES) {
				assertThat(tenantsVisibleIn(probe, table)).as("%s without app.tenant_id", table).isEmpty();
			}
			for (Api.Tenant tenant : List.of(a, b)) {
				try (Statement statement = probe.createStatement()) {
					statement.execute("set local app.tenant_id = '" + tenant.id() + "'");
				}
				for (String table : TABLES) {
					assertThat(tenantsVisibleIn(probe, table)).as(table).containsOnly(tenant.id()).isNotEmpty();
				}
				probe.rollback();
			}
		}
	}

	private Api.Tenant tenantWithRevocation(String name) {
		Api.Tenant tenant = this.api.newTenant(name);
		Api.post(this.api.as(tenant.apiKey()), "/v1/user_tokens/revoke", Map.of("user", "alice"), 200);
		return tenant;
	}

	private static void createProbe() throws SQLException {
		try (Connection superuser = TestDatabase.get().connect(); Statement statement = superuser.createStatement()) {
			statement.execute("""
					do $$ begin
					  if not exists (select from pg_roles where rolname = '%1$s') then
					    create role %1$s login password 'probe' nosuperuser nobypassrls;
					  end if;
					end $$""".formatted(ROLE));
			statement.execute("grant usage on schema public to " + ROLE);
			statement.execute("grant select on %s to %s".formatted(String.join(", ", TABLES), ROLE));
		}
	}

	private static List<String> tenantsVisibleIn(Connection connection, String table) throws SQLException {
		List<String> tenants = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select tenant_id from " + table)) {
			while (rows.next()) {
				tenants.add(rows.getString(1));
			}
		}
		return tenants;
	}

}
