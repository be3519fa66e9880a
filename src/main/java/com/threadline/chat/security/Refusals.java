package com.threadline.chat.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import com.threadline.chat.system.ApiException;

/**
 * Every refusal of the security chain, raised as the error that
 * {@code system.OpenAiErrorHandler} renders in OpenAI's envelope, with the messages
 * clients knew before the chain existed. A route nobody may use answers exactly like an
 * unknown route.
 */
@Component
class Refusals {

	private static final Logger log = LoggerFactory.getLogger(Refusals.class);

	private static final PathPattern V1 = PathPatternParser.defaultInstance.parse("/v1/**");

	private final OperatorApi operatorApi;

	private final RefusedPathVariable pathVariable;

	Refusals(OperatorApi operatorApi, RefusedPathVariable pathVariable) {
		this.operatorApi = operatorApi;
		this.pathVariable = pathVariable;
	}

	/** No (usable) credential on a route that needs one. */
	Mono<Void> unauthenticated(ServerWebExchange exchange, AuthenticationException ex) {
		if (OperatorApi.isFor(exchange)) {
			return this.operatorApi.enabled() ? Mono.error(unauthorized(CredentialRejected.adminToken()))
					: Mono.error(noSuchRoute());
		}
		if (V1.matches(exchange.getRequest().getPath().pathWithinApplication())) {
			return Mono.error(ApiException.unauthorized(null,
					"You didn't provide an API key. You need to provide your API key in an Authorization header "
							+ "using Bearer auth (i.e. Authorization: Bearer YOUR_KEY)."));
		}
		return Mono.error(noSuchRoute());
	}

	/**
	 * A verified credential on a route it may not use (a user token on tenant routes).
	 */
	Mono<Void> denied(ServerWebExchange exchange, AccessDeniedException ex) {
		return exchange.getPrincipal()
			.filter(principal -> principal instanceof Verified verified && verified.role() == Role.USER)
			.flatMap(user -> Mono
				.<Void>error(ApiException.notAllowed("Invalid URL (%s %s): not available to user tokens."
					.formatted(exchange.getRequest().getMethod(), exchange.getRequest().getPath().value()))))
			.switchIfEmpty(Mono.error(noSuchRoute()));
	}

	/** A credential that was presented and did not verify. */
	Mono<Void> failed(WebFilterExchange exchange, AuthenticationException ex) {
		return Mono.error((ex instanceof CredentialRejected rejected) ? unauthorized(rejected)
				: unauthorized(CredentialRejected.apiKey()));
	}

	/**
	 * A request the firewall refused as not canonical: 400, except that while the
	 * operator API is off, anything that looks meant for it is a 404 like every other
	 * path there.
	 */
	Mono<Void> rejected(ServerWebExchange exchange, ServerExchangeRejectedException ex) {
		log.debug("Rejected {} {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
				ex.getMessage());
		if (!this.operatorApi.enabled() && OperatorApi.mayBeFor(exchange.getRequest().getPath().value())) {
			return Mono.error(noSuchRoute());
		}
		String param = this.pathVariable.of(exchange).orElse(null);
		if (param != null) {
			return Mono.error(ApiException.invalid(param,
					"Invalid '%s': it contains a character that cannot be stored (NUL or an unpaired surrogate)."
						.formatted(param)));
		}
		return Mono.error(ApiException.invalid(null,
				"Invalid request: its URL, headers or parameters are not in canonical form (encoded slashes, "
						+ "backslashes, ';' parameters, dot-segments, '//', control characters and the like are refused)."));
	}

	private static ApiException unauthorized(CredentialRejected rejected) {
		return ApiException.unauthorized(rejected.code(), rejected.getMessage());
	}

	/** Rendered exactly as an unknown route ("Invalid URL: no such route."). */
	private static ResponseStatusException noSuchRoute() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

}
