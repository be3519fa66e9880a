package com.threadline.chat.limit;

import java.net.InetSocketAddress;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Requests per second per client IP, ahead of everything else, authentication included,
 * so that a flood of bad credentials costs no database work. The client IP is the
 * connection's remote address; forwarded headers count only when Boot's
 * {@code server.forward-headers-strategy} says so (never trust them from the open
 * internet). Health probes are not metered.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ClientIpLimit implements WebFilter {

	private final RequestMeter meter;

	private final LimitProperties properties;

	ClientIpLimit(RequestMeter meter, LimitProperties properties) {
		this.meter = meter;
		this.properties = properties;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/actuator/")) {
			return chain.filter(exchange);
		}
		String ip = clientIp(exchange);
		return Mono
			.fromRunnable(() -> this.meter.take("ip:" + ip, this.properties.requestsPerSecondFrom(ip),
					"requests per second per IP address"))
			.then(Mono.defer(() -> chain.filter(exchange)));
	}

	static String clientIp(ServerWebExchange exchange) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		if (remote == null || remote.getAddress() == null) {
			return "unknown";
		}
		return remote.getAddress().getHostAddress();
	}

}
