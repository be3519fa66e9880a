package com.threadline.chat.page;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import com.threadline.chat.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running application's headers on the chat page, its assets and the API's errors;
 * the browser tests ({@code web}) show the page working under them.
 */
class PageHeadersTests extends IntegrationTest {

	private static final Pattern IMPORT_MAP = Pattern.compile("<script type=\"importmap\">(.*?)</script>",
			Pattern.DOTALL);

	private EntityExchangeResult<byte[]> get(String path) {
		return this.api.anonymous().get().uri(path).exchange().expectBody().returnResult();
	}

	@Test
	void thePageCarriesAPolicyThatAllowsItsImportMapByTheHashOfTheServedText() throws Exception {
		EntityExchangeResult<byte[]> page = get("/");

		Matcher importMap = IMPORT_MAP.matcher(new String(page.getResponseBody(), StandardCharsets.UTF_8));
		assertThat(importMap.find()).as("the page has an import map").isTrue();
		String hash = Base64.getEncoder()
			.encodeToString(
					MessageDigest.getInstance("SHA-256").digest(importMap.group(1).getBytes(StandardCharsets.UTF_8)));
		assertThat(page.getResponseHeaders().getFirst("Content-Security-Policy"))
			.isEqualTo("default-src 'none'; script-src 'self' 'sha256-" + hash + "'; style-src 'self'; "
					+ "img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'; object-src 'none'; "
					+ "base-uri 'none'; form-action 'self'");
		assertThat(page.getResponseHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(page.getResponseHeaders().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
	}

	@Test
	void theScriptsStylesLibrariesAndApiErrorsCarryTheSameHeaders() {
		String policy = get("/").getResponseHeaders().getFirst("Content-Security-Policy");

		for (String path : new String[] { "/index.html", "/js/app.js", "/css/chat.css",
				"/webjars/dompurify/dist/purify.es.mjs", "/v1/assistants" }) {
			HttpHeaders headers = get(path).getResponseHeaders();
			assertThat(headers.get("Content-Security-Policy")).as(path).containsExactly(policy);
			assertThat(headers.get("X-Content-Type-Options")).as(path).containsExactly("nosniff");
			assertThat(headers.get("Referrer-Policy")).as(path).containsExactly("no-referrer");
		}
	}

}
