package com.threadline.chat.page;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Puts the chat page's content security policy, {@code X-Content-Type-Options} and
 * {@code Referrer-Policy} on every response, the page, its assets and the API's errors
 * alike. Each header is set only when the response does not have it yet, so a handler or
 * a security chain that sets its own wins; they are written just before the response
 * commits, and the filter runs first, so even a request refused by authentication gets
 * them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageHeaders implements WebFilter {

	private final Map<String, String> headers;

	@Autowired
	PageHeaders(WebProperties web, ResourceLoader resources) {
		this(InlineScripts.ofIndexPage(resources, web.getResources().getStaticLocations()));
	}

	PageHeaders(List<String> scriptHashes) {
		this.headers = Map.of("Content-Security-Policy", policy(scriptHashes), "X-Content-Type-Options", "nosniff",
				"Referrer-Policy", "no-referrer");
	}

	/**
	 * Nothing but the page's own files: no inline script except the import map (by hash),
	 * no inline style (the page styles only from css/chat.css and CSSOM), images only
	 * from the page's origin, {@code data:} or {@code blob:} (the page's own copies of
	 * File images it fetched with the user's token; a model's markdown cannot make the
	 * browser call elsewhere), no framing, plugins, {@code <base>} or foreign form
	 * targets.
	 */
	static String policy(List<String> scriptHashes) {
		String scripts = String.join(" ", "'self'", String.join(" ", scriptHashes)).strip();
		return String.join("; ", "default-src 'none'", "script-src " + scripts, "style-src 'self'",
				"img-src 'self' data: blob:", "connect-src 'self'", "frame-ancestors 'none'", "object-src 'none'",
				"base-uri 'none'", "form-action 'self'");
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		exchange.getResponse().beforeCommit(() -> {
			HttpHeaders response = exchange.getResponse().getHeaders();
			this.headers.forEach((name, value) -> {
				if (!response.containsHeader(name)) {
					response.set(name, value);
				}
			});
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

}
