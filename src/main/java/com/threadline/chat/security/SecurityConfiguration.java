package com.threadline.chat.security;

import java.util.function.Function;

import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;

import com.threadline.chat.tenant.Caller;
import com.threadline.chat.tenant.context.TenantScope;

/**
 * The one security filter chain. Stateless bearer-token API: no sessions, no login forms,
 * no HTTP Basic, and no CSRF tokens, because browsers never attach our credentials on
 * their own (they travel in the {@code Authorization} header, or as a single-use ticket
 * that only reads one run's events), so a forged cross-site request carries none.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

	@Bean
	SecurityWebFilterChain frontDoor(ServerHttpSecurity http, CredentialVerifier verifier, Refusals refusals,
			OperatorApi operatorApi) {
		http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(refusals::unauthenticated)
				.accessDeniedHandler(refusals::denied))
			.authorizeExchange(AccessRules.of(operatorApi))
			.addFilterAt(authentication(verifier, refusals, Presentation::tenant, "/v1/**"),
					SecurityWebFiltersOrder.AUTHENTICATION);
		if (operatorApi.enabled()) {
			http.addFilterAt(authentication(verifier, refusals, Presentation::operator, OperatorApi.PATHS),
					SecurityWebFiltersOrder.AUTHENTICATION);
		}
		return http.build();
	}

	/** Refuses encoded slashes, {@code ;}, {@code ..}, {@code %2e}, NUL, backslashes … */
	@Bean
	StrictServerWebExchangeFirewall firewall() {
		return new StrictServerWebExchangeFirewall();
	}

	@Bean
	ServerExchangeRejectedHandler firewallRejections(Refusals refusals) {
		return refusals::rejected;
	}

	private static AuthenticationWebFilter authentication(CredentialVerifier verifier, Refusals refusals,
			Function<ServerWebExchange, Mono<Authentication>> presentation, String... paths) {
		AuthenticationWebFilter filter = new AuthenticationWebFilter(verifier);
		filter.setRequiresAuthenticationMatcher(ServerWebExchangeMatchers.pathMatchers(paths));
		filter.setServerAuthenticationConverter(presentation::apply);
		filter.setAuthenticationFailureHandler(refusals::failed);
		filter.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
		filter.setAuthenticationSuccessHandler(SecurityConfiguration::proceedAsCaller);
		return filter;
	}

	/**
	 * Hands the caller to everything after the chain: as an exchange attribute (for
	 * handler arguments and later filters) and its tenant in the Reactor context (for
	 * {@code system.Blocking} and row-level security).
	 */
	private static Mono<Void> proceedAsCaller(WebFilterExchange webFilterExchange, Authentication authentication) {
		ServerWebExchange exchange = webFilterExchange.getExchange();
		if (authentication instanceof Verified verified && verified.caller() != null) {
			Caller caller = verified.caller();
			exchange.getAttributes().put(Caller.ATTRIBUTE, caller);
			return webFilterExchange.getChain()
				.filter(exchange)
				.contextWrite(context -> context.put(TenantScope.CONTEXT_KEY, caller.tenantId()));
		}
		return webFilterExchange.getChain().filter(exchange);
	}

}
