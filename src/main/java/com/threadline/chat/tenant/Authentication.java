package com.threadline.chat.tenant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import com.threadline.chat.system.ApiException;
import com.threadline.chat.system.Blocking;
import com.threadline.chat.system.TenantScope;

/**
 * Resolves the credential of every {@code /v1} and {@code /admin} request once: a tenant
 * API key ({@code sk-…}) or an end-user token as a bearer token, or (for EventSource,
 * which cannot set headers) a user token as {@code ?access_token=} on the run events
 * stream only. The resulting {@link Caller} travels as an exchange attribute and its
 * tenant in the Reactor context. User tokens reach only what DESIGN.md §3 grants them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class Authentication implements WebFilter {

	private static final PathPattern EVENTS = PathPatternParser.defaultInstance
		.parse("/v1/threads/{threadId}/runs/{runId}/events");

	private final Credentials credentials;

	private final AdminProperties admin;

	private final Blocking blocking;

	Authentication(Credentials credentials, AdminProperties admin, Blocking blocking) {
		this.credentials = credentials;
		this.admin = admin;
		this.blocking = blocking;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		if (path.equals("/admin") || path.startsWith("/admin/")) {
			return checkAdmin(exchange.getRequest()).then(chain.filter(exchange));
		}
		if (!path.startsWith("/v1/")) {
			return chain.filter(exchange);
		}
		String credential = credential(exchange.getRequest());
		if (credential == null) {
			return Mono.error(ApiException.unauthorized(null,
					"You didn't provide an API key. You need to provide your API key in an Authorization header "
							+ "using Bearer auth (i.e. Authorization: Bearer YOUR_KEY)."));
		}
		return this.blocking.call(() -> this.credentials.resolve(credential).orElse(null))
			.switchIfEmpty(Mono.error(() -> ApiException.unauthorized("invalid_api_key",
					"Incorrect API key or token provided, or it has expired.")))
			.flatMap(caller -> {
				if (caller.isUser() && !userMay(exchange.getRequest().getMethod(), path)) {
					return Mono.error(ApiException.notAllowed("Invalid URL (%s %s): not available to user tokens."
						.formatted(exchange.getRequest().getMethod(), path)));
				}
				exchange.getAttributes().put(Caller.ATTRIBUTE, caller);
				return chain.filter(exchange).contextWrite(ctx -> ctx.put(TenantScope.CONTEXT_KEY, caller.tenantId()));
			});
	}

	private static @Nullable String credential(ServerHttpRequest request) {
		String header = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) && header.length() > 7) {
			return header.substring(7).strip();
		}
		String queryToken = request.getQueryParams().getFirst("access_token");
		if (queryToken != null && !queryToken.isBlank() && HttpMethod.GET.equals(request.getMethod())
				&& EVENTS.matches(request.getPath().pathWithinApplication()) && !queryToken.startsWith("sk-")) {
			return queryToken;
		}
		return null;
	}

	/**
	 * DESIGN.md §3: read assistants; everything on their own threads, messages and runs;
	 * nothing else.
	 */
	private static boolean userMay(HttpMethod method, String path) {
		if (path.equals("/v1/threads") || path.startsWith("/v1/threads/")) {
			return true;
		}
		return HttpMethod.GET.equals(method) && (path.equals("/v1/assistants") || path.startsWith("/v1/assistants/"));
	}

	private Mono<Void> checkAdmin(ServerHttpRequest request) {
		String expected = this.admin.token();
		if (expected == null || expected.isBlank()) {
			return Mono.error(ApiException.notAllowed("The operator API is disabled: set ADMIN_TOKEN to enable it."));
		}
		String given = credential(request);
		if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
				expected.getBytes(StandardCharsets.UTF_8))) {
			return Mono.error(ApiException.unauthorized("invalid_admin_token", "Invalid or missing admin token."));
		}
		return Mono.empty();
	}

}
