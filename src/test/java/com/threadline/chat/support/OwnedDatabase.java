package com.threadline.chat.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.threadline.chat.ThreadlineApplication;

/**
 * A fresh database on the test server owned by a plain login role (no superuser, no
 * BYPASSRLS, no CREATEDB or CREATEROLE), and the application started against it as that
 * role: the production set-up of {@code docker-compose.yml}, where FORCE ROW LEVEL
 * SECURITY binds the app itself.
 *
 * @param name the database
 * @param url its JDBC URL
 * @param owner the owning role, also the app's login
 */
public record OwnedDatabase(String name, String url, String owner) {

	private static final String PASSWORD = "owner";

	/** Creates the role (if missing) and a new database it owns. */
	public static OwnedDatabase create(String owner) throws SQLException {
		TestDatabase.Info db = TestDatabase.get();
		String name = owner + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
			statement.execute("""
					do $$ begin
					  create role %s login password '%s' nosuperuser nobypassrls nocreatedb nocreaterole;
					exception when duplicate_object or unique_violation then null;
					end $$""".formatted(owner, PASSWORD));
			statement.execute("create database %s owner %s".formatted(name, owner));
		}
		return new OwnedDatabase(name, db.url().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1"), owner);
	}

	/**
	 * Starts the whole application on a random port, logged in as the owner, with
	 * {@code extraArgs}.
	 */
	public ConfigurableApplicationContext startApp(String... extraArgs) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + this.url,
				"--spring.datasource.username=" + this.owner, "--spring.datasource.password=" + PASSWORD,
				"--admin.token=" + IntegrationTest.ADMIN_TOKEN, "--chat.demo.enabled=false",
				"--chat.master-key=" + IntegrationTest.MASTER_KEY));
		args.addAll(List.of(extraArgs));
		return new SpringApplicationBuilder(ThreadlineApplication.class).run(args.toArray(String[]::new));
	}

	/** The owner's password, to connect as the application does. */
	public String password() {
		return PASSWORD;
	}

	/** Drops the database. */
	public void drop() throws SQLException {
		try (Connection connection = TestDatabase.get().connect(); Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists %s with (force)".formatted(this.name));
		}
	}

}
