package com.threadline.chat.page;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The header filter on its own: it adds its headers at commit and never overrides one a
 * handler (or a security chain) has set.
 */
class PageHeadersFilterTests {

	private final PageHeaders filter = new PageHeaders(List.of("'sha256-abc='"));

	private MockServerWebExchange respond(String presetName, String presetValue) {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/"));
		this.filter.filter(exchange, ex -> {
			if (presetName != null) {
				ex.getResponse().getHeaders().set(presetName, presetValue);
			}
			return ex.getResponse().setComplete();
		}).block();
		return exchange;
	}

	@Test
	void addsThePolicyWithTheScriptHashesAndTheOtherHeaders() {
		MockServerWebExchange exchange = respond(null, null);

		assertThat(exchange.getResponse().getHeaders().getFirst("Content-Security-Policy"))
			.contains("script-src 'self' 'sha256-abc='")
			.contains("img-src 'self' data: blob:")
			.contains("frame-ancestors 'none'");
		assertThat(exchange.getResponse().getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(exchange.getResponse().getHeaders().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
	}

	@Test
	void keepsAHeaderTheResponseAlreadyHas() {
		MockServerWebExchange exchange = respond("Content-Security-Policy", "default-src 'none'");

		assertThat(exchange.getResponse().getHeaders().get("Content-Security-Policy"))
			.containsExactly("default-src 'none'");
		assertThat(exchange.getResponse().getHeaders().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
	}

	@Test
	void aPageWithoutInlineScriptsAllowsOnlyItsOwnFiles() {
		assertThat(PageHeaders.policy(List.of())).startsWith("default-src 'none'; script-src 'self'; style-src 'self'")
			.doesNotContain("unsafe");
	}

}
