package com.threadline.chat.security;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Where a request presents its credential: {@code Authorization: Bearer …}, or, on a
 * run's events stream only, {@code ?ticket=}. Nothing else (no cookie, no
 * {@code ?access_token=}) is read.
 */
final class Presentation {

	static final PathPattern EVENTS = PathPatternParser.defaultInstance
		.parse("/v1/threads/{threadId}/runs/{runId}/events");

	private Presentation() {
	}

	/** The credential for {@code /admin/**}: the operator's bearer token. */
	static Mono<Authentication> operator(ServerWebExchange exchange) {
		String bearer = bearer(exchange.getRequest());
		return (bearer != null) ? Mono.just(PresentedCredential.operator(bearer)) : Mono.empty();
	}

	/**
	 * The credential for {@code /v1/**}: an API key or user token, or a stream ticket.
	 */
	static Mono<Authentication> tenant(ServerWebExchange exchange) {
		ServerHttpRequest request = exchange.getRequest();
		String bearer = bearer(request);
		if (bearer != null) {
			return Mono.just(PresentedCredential.bearer(bearer));
		}
		String ticket = request.getQueryParams().getFirst("ticket");
		if (ticket == null || ticket.isBlank() || !HttpMethod.GET.equals(request.getMethod())) {
			return Mono.empty();
		}
		PathPattern.PathMatchInfo run = EVENTS.matchAndExtract(request.getPath().pathWithinApplication());
		return (run != null) ? Mono.just(PresentedCredential.ticket(ticket, new PresentedCredential.RunPath(
				run.getUriVariables().get("threadId"), run.getUriVariables().get("runId")))) : Mono.empty();
	}

	private static @Nullable String bearer(ServerHttpRequest request) {
		String header = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) && !header.substring(7).isBlank()) {
			return header.substring(7).strip();
		}
		return null;
	}

}
