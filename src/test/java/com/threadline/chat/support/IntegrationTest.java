package com.threadline.chat.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the end-to-end tests: the whole application on a random port, over real HTTP,
 * against a real PostgreSQL. All subclasses share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

	public static final String ADMIN_TOKEN = "test-admin-token-0123456789abcdef";

	/**
	 * The password of ask_database's login role (the local test server trusts logins, a
	 * Testcontainers one does not).
	 */
	public static final String ASK_DB_PASSWORD = "ask-db-test";

	/**
	 * The master key ({@code CHAT_MASTER_KEY}) of every test application: a configured
	 * database refuses to start without one.
	 */
	public static final String MASTER_KEY = "dGhyZWFkbGluZS10ZXN0LW1hc3Rlci1rZXktMzJieXQ=";

	/** The API key the application sends to the fake model server. */
	public static final String MODEL_API_KEY = "test-key";

	/**
	 * Where the shared context keeps its demo tenant: a file that does not exist yet, so
	 * each test JVM creates a demo tenant of its own.
	 */
	private static final Path DEMO_FILE = demoFile();

	/** Where the shared context's directory storage keeps uploaded files. */
	public static final Path FILES_DIRECTORY = DEMO_FILE.resolveSibling("files");

	@LocalServerPort
	protected int port;

	protected Api api;

	/**
	 * The scripted model every run of the application talks to; reset before each test.
	 */
	protected FakeModelServer model;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestDatabase.Info db = TestDatabase.get();
		registry.add("spring.datasource.url", db::url);
		registry.add("spring.datasource.username", db::username);
		registry.add("spring.datasource.password", db::password);
		registry.add("admin.token", () -> ADMIN_TOKEN);
		registry.add("chat.master-key", () -> MASTER_KEY);
		// The local test server's login is the superuser postgres: allowed here, refused
		// by default (DatabaseRoleTests).
		registry.add("chat.database.allow-superuser", () -> "true");
		registry.add("chat.tool.sql.password", () -> ASK_DB_PASSWORD);
		registry.add("chat.llm.base-url", () -> FakeModelServer.shared().baseUrl());
		registry.add("chat.llm.api-key", () -> MODEL_API_KEY);
		// The zero-setup demo (POST /demo/session) for the chat page's tests: one more
		// tenant of its own, which changes nothing for other tests.
		registry.add("chat.demo.enabled", () -> "true");
		registry.add("chat.demo.file", DEMO_FILE::toString);
		// The per-IP limit's tests send from this loopback address only; 127.0.0.1 keeps
		// the default.
		registry.add("chat.limits.ip-overrides[127.0.0.7]", () -> "3");
		// Uploaded files go to a temporary directory, not the developer's home.
		registry.add("chat.files.directory", FILES_DIRECTORY::toString);
		// Hostile code that loops (HostileCodeRunTests) is stopped after this, not the
		// default 30 s.
		registry.add("chat.tool.code.call-timeout", () -> "10s");
	}

	private static Path demoFile() {
		try {
			return Files.createTempDirectory("threadline-demo-").resolve("demo.json");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@BeforeEach
	void api() {
		this.api = new Api(this.port);
	}

	@BeforeEach
	void resetModel() {
		this.model = FakeModelServer.shared();
		this.model.reset();
	}

}
