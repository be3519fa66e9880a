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
 * run's events stream only, {@code ?ticket=}, or, on a file's content only, a signed
 * URL's {@code ?tenant=&expires=&signature=}. Nothing else (no cookie, no
 * {@code ?access_token=}) is read.
 */
final class Presentation {

	static final PathPattern EVENTS = PathPatternParser.defaultInstance
		.parse("/v1/threads/{threadId}/runs/{runId}/events");

	/** A file's content, which a signed URL may fetch without a bearer. */
	static final PathPattern FILE_CONTENT = PathPatternParser.defaultInstance.parse("/v1/files/{fileId}/content");

	/** The query parameters of a signed file URL; a request needs all of them. */
	static final String[] SIGNED_URL_PARAMETERS = { "tenant", "expires", "signature" };

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
		if (!HttpMethod.GET.equals(request.getMethod())) {
			return Mono.empty();
		}
		PresentedCredential signed = signedUrl(request);
		if (signed != null) {
			return Mono.just(signed);
		}
		String ticket = request.getQueryParams().getFirst("ticket");
		if (ticket == null || ticket.isBlank()) {
			return Mono.empty();
		}
		PathPattern.PathMatchInfo run = EVENTS.matchAndExtract(request.getPath().pathWithinApplication());
		return (run != null) ? Mono.just(PresentedCredential.ticket(ticket, new PresentedCredential.RunPath(
				run.getUriVariables().get("threadId"), run.getUriVariables().get("runId")))) : Mono.empty();
	}

	/** A signed file URL: the content path with every one of its parameters. */
	private static @Nullable PresentedCredential signedUrl(ServerHttpRequest request) {
		PathPattern.PathMatchInfo file = FILE_CONTENT.matchAndExtract(request.getPath().pathWithinApplication());
		String tenant = request.getQueryParams().getFirst("tenant");
		String expires = request.getQueryParams().getFirst("expires");
		String signature = request.getQueryParams().getFirst("signature");
		if (file == null || tenant == null || tenant.isBlank() || expires == null || expires.isBlank()
				|| signature == null || signature.isBlank()) {
			return null;
		}
		return PresentedCredential.signedUrl(signature,
				new PresentedCredential.SignedFile(tenant, file.getUriVariables().get("fileId"), expires));
	}

	private static @Nullable String bearer(ServerHttpRequest request) {
		String header = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) && !header.substring(7).isBlank()) {
			return header.substring(7).strip();
		}
		return null;
	}

}
