package com.threadline.chat.support;

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

	public static final String ADMIN_TOKEN = "test-admin-token";

	/** The API key the application sends to the fake model server. */
	public static final String MODEL_API_KEY = "test-key";

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
		registry.add("chat.llm.base-url", () -> FakeModelServer.shared().baseUrl());
		registry.add("chat.llm.api-key", () -> MODEL_API_KEY);
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
