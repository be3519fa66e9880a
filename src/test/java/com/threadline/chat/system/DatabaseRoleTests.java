package com.threadline.chat.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import com.threadline.chat.ThreadlineApplication;
import com.threadline.chat.support.IntegrationTest;
import com.threadline.chat.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The application refuses a database login that row-level security does not bind, unless
 * a developer allows it explicitly.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseRoleTests {

	private static final DatabaseProperties DEFAULTS = new DatabaseProperties(false);

	@Test
	void refusesToStartAsASuperuserAndSaysHowToFixIt() {
		TestDatabase.Info db = TestDatabase.get();
		assertThatThrownBy(() -> new SpringApplicationBuilder(ThreadlineApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.username(),
				"--spring.datasource.password=" + db.password(), "--chat.master-key=" + IntegrationTest.MASTER_KEY,
				"--chat.demo.enabled=false"))
			.rootCause()
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("Refusing to start: the database role '%s' is a superuser", db.username())
			.hasMessageContaining("row-level security")
			.hasMessageContaining("db/init/01-create-app-role.sh")
			.hasMessageContaining("CHAT_DATABASE_ALLOWSUPERUSER=true");
	}

	@Test
	void refusesARoleWithBypassRls() throws SQLException {
		try (Connection connection = loginAs("threadline_bypassrls_probe", "nosuperuser bypassrls")) {
			DatabaseRoleCheck.Role role = DatabaseRoleCheck.roleOf(connection);
			assertThat(role).isEqualTo(new DatabaseRoleCheck.Role("threadline_bypassrls_probe", false, true));
			assertThatIllegalStateException().isThrownBy(() -> DatabaseRoleCheck.check(role, DEFAULTS))
				.withMessageContaining("'threadline_bypassrls_probe' has BYPASSRLS")
				.withMessageContaining("db/init/01-create-app-role.sh");
		}
	}

	@Test
	void acceptsAPlainRoleWithoutAWarning(CapturedOutput output) throws SQLException {
		try (Connection connection = loginAs("threadline_plain_probe", "nosuperuser nobypassrls")) {
			DatabaseRoleCheck.check(DatabaseRoleCheck.roleOf(connection), DEFAULTS);
		}
		assertThat(output).doesNotContain("allow-superuser");
	}

	@Test
	void allowSuperuserStartsAnywayWithAWarning(CapturedOutput output) throws SQLException {
		try (Connection connection = TestDatabase.get().connect()) {
			DatabaseRoleCheck.check(DatabaseRoleCheck.roleOf(connection), new DatabaseProperties(true));
		}
		assertThat(output).contains("WARN")
			.contains("chat.database.allow-superuser is on")
			.contains("is a superuser")
			.contains("Development only");
	}

	@Test
	void allowSuperuserBindsFromItsEnvironmentVariable() {
		StandardEnvironment environment = new StandardEnvironment();
		MutablePropertySources sources = environment.getPropertySources();
		sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		sources
			.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					Map.of("CHAT_DATABASE_ALLOWSUPERUSER", "true")));
		Binder binder = new Binder(ConfigurationPropertySources.from(sources));

		assertThat(binder.bindOrCreate("chat.database", DatabaseProperties.class).allowSuperuser()).isTrue();
		sources.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
				new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						Map.of()));
		assertThat(binder.bindOrCreate("chat.database", DatabaseProperties.class).allowSuperuser()).isFalse();
	}

	private static Connection loginAs(String role, String attributes) throws SQLException {
		TestDatabase.Info db = TestDatabase.get();
		try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
			statement.execute("""
					do $$ begin
					  create role %1$s login password 'probe';
					exception when duplicate_object or unique_violation then null;
					end $$""".formatted(role));
			statement.execute("alter role %s %s".formatted(role, attributes));
		}
		return db.connectAs(role, "probe");
	}

}
