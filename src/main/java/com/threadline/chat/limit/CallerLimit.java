package com.threadline.chat.limit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import com.threadline.chat.limit.quota.Quota;
import com.threadline.chat.tenant.Caller;

/**
 * Requests per second per API key and per end user, after authentication (which runs
 * earlier, at a negative order). Every metered response, refused or not, tells the caller
 * where it stands in {@code x-ratelimit-*-requests}.
 */
@Component
@Order(CallerLimit.ORDER)
class CallerLimit implements WebFilter {

	/** After authentication, before the stream limit. */
	static final int ORDER = 0;

	private final RequestMeter meter;

	private final TenantLimitLookup limits;

	CallerLimit(RequestMeter meter, TenantLimitLookup limits) {
		this.meter = meter;
		this.limits = limits;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		Caller caller = Caller.of(exchange).orElse(null);
		if (caller == null) {
			return chain.filter(exchange);
		}
		return this.limits.of(caller.tenantId()).flatMap(limits -> {
			Quota quota = caller.isUser()
					? this.meter.take("user:" + caller.tenantId() + ":" + caller.user(),
							limits.requestsPerSecondPerUser(), "requests per second per user")
					: this.meter.take("key:" + caller.tenantId() + ":" + keyId(exchange),
							limits.requestsPerSecondPerKey(), "requests per second per API key");
			quota.writeTo(exchange.getResponse().getHeaders());
			return chain.filter(exchange);
		});
	}

	/**
	 * Tells a tenant's keys apart without keeping them: a short hash of the bearer token.
	 */
	private static String keyId(ServerWebExchange exchange) {
		String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		if (authorization == null) {
			return "-";
		}
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(authorization.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
