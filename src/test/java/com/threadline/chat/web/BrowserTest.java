package com.threadline.chat.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import tools.jackson.databind.JsonNode;

import com.threadline.chat.support.Api;
import com.threadline.chat.support.Api.Tenant;
import com.threadline.chat.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the chat page's browser tests: a fresh headless Chromium per test that reaches
 * the application through a {@link CuttableProxy}, and a screenshot of the page after
 * every test ({@code target/screenshots/<class>.<test>.png}). Every test also checks that
 * the page ran under its Content-Security-Policy without a violation, but for those a
 * test provokes on purpose and declares ({@link #expectPolicyToRefuse}).
 */
abstract class BrowserTest extends IntegrationTest {

	protected Browser browser;

	protected CuttableProxy network;

	private final List<List<String>> expectedRefusals = new ArrayList<>();

	@BeforeEach
	void startBrowser() {
		this.network = new CuttableProxy(this.port);
		this.browser = Browser.start(this.network.baseUrl());
	}

	@AfterEach
	void stopBrowser(TestInfo test) {
		List<String> console;
		try {
			this.browser.screenshot(getClass().getSimpleName() + "." + test.getTestMethod().orElseThrow().getName());
			console = this.browser.console();
			if (!console.isEmpty()) {
				System.out
					.println("Browser console of " + test.getDisplayName() + ":\n  " + String.join("\n  ", console));
			}
		}
		finally {
			this.browser.close();
			this.network.close();
		}
		assertThat(Browser.policyViolations(console))
			.filteredOn(violation -> this.expectedRefusals.stream()
				.noneMatch(parts -> parts.stream().allMatch(violation::contains)))
			.as("Content-Security-Policy violations in the console")
			.isEmpty();
	}

	/**
	 * Declares that the policy will refuse something this test feeds the page on purpose:
	 * Chromium's console reports that contain all of {@code parts} do not fail the test.
	 */
	protected void expectPolicyToRefuse(String... parts) {
		this.expectedRefusals.add(List.of(parts));
	}

	/**
	 * Opens the account's sign-in link ({@code #token=…}) and confirms signing in with
	 * it.
	 */
	protected void openLink(Account account) {
		this.browser.open("/" + account.fragment());
		this.browser.waitUntil(d -> this.browser.find("link-accept").isDisplayed());
		this.browser.find("link-accept").click();
	}

	/**
	 * A tenant's end user with an assistant, as a tenant's own backend would set them up.
	 */
	protected record Account(Tenant tenant, String assistantId, String user, String token) {

		String fragment() {
			return "#token=" + this.token + "&assistant=" + this.assistantId;
		}

	}

	protected Account account(String user, Map<String, Object> assistant) {
		Tenant tenant = this.api.newTenant("Web " + user);
		JsonNode created = Api.post(this.api.as(tenant.apiKey()), "/v1/assistants", assistant, 200);
		return new Account(tenant, created.get("id").asString(), user, this.api.userToken(tenant, user));
	}

	protected Account account(String user) {
		return account(user, Map.of("model", "gpt-4o-mini", "name", "Helper", "instructions", "Be brief."));
	}

	/**
	 * Creates a thread of the account's user through the public API, as the page would.
	 */
	protected JsonNode thread(Account account, String title, List<Map<String, Object>> messages) {
		return Api.post(this.api.as(account.token()), "/v1/threads",
				Map.of("metadata", Map.of("title", title), "messages", messages), 200);
	}

	protected static Map<String, Object> user(String text) {
		return Map.of("role", "user", "content", text);
	}

	protected static Map<String, Object> assistant(String text) {
		return Map.of("role", "assistant", "content", text);
	}

}
