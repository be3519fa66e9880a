package com.threadline.chat.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;

/**
 * Who may use which route, on the decoded, normalised path. First match wins; anything
 * not listed is refused, answering like an unknown route.
 */
final class AccessRules {

	/** The chat page and what it loads, the demo, health and the API document. */
	private static final String[] OPEN = { "/", "/index.html", "/favicon.svg", "/css/**", "/js/**", "/webjars/**",
			"/demo/**", "/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**" };

	private static final String API_KEY = Role.API_KEY.name();

	private static final String USER = Role.USER.name();

	private AccessRules() {
	}

	static Customizer<AuthorizeExchangeSpec> of(OperatorApi operatorApi) {
		return rules -> {
			rules.pathMatchers(HttpMethod.GET, Presentation.EVENTS.getPatternString())
				.hasAnyRole(API_KEY, USER, Role.STREAM_TICKET.name());
			// DESIGN.md §3: a user token reads assistants and uses its own threads (each
			// service checks ownership), and may mint stream tickets for its own runs.
			rules.pathMatchers("/v1/threads/**").hasAnyRole(API_KEY, USER);
			rules.pathMatchers(HttpMethod.GET, "/v1/assistants/**").hasAnyRole(API_KEY, USER);
			rules.pathMatchers(HttpMethod.POST, "/v1/stream_tickets").hasAnyRole(API_KEY, USER);
			// A signed URL (made for a model provider) reads the one file it names.
			rules.pathMatchers(HttpMethod.GET, Presentation.FILE_CONTENT.getPatternString())
				.hasAnyRole(API_KEY, USER, Role.SIGNED_URL.name());
			// A user token uploads, lists, reads and deletes its own files (FileService
			// checks).
			rules.pathMatchers("/v1/files", "/v1/files/**").hasAnyRole(API_KEY, USER);
			rules.pathMatchers("/v1/**").hasRole(API_KEY);
			if (operatorApi.enabled()) {
				rules.pathMatchers(OperatorApi.PATHS).hasRole(Role.OPERATOR.name());
			}
			else {
				rules.pathMatchers(OperatorApi.PATHS).denyAll();
			}
			rules.pathMatchers(OPEN).permitAll();
			rules.anyExchange().denyAll();
		};
	}

}
