package com.threadline.chat.limit;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import com.threadline.chat.tenant.Caller;

/**
 * Open event streams per tenant and per user: {@code GET .../runs/{id}/events}, and the
 * run-starting POSTs that ask for {@code "stream": true}. The slot is taken before the
 * request reaches its controller (so a refused stream starts no run) and given back when
 * the exchange ends: completed, failed, or cancelled by a client that went away. A POST's
 * {@code stream} flag is in its body, so this filter reads the body (within the codecs'
 * size limit) and hands the same bytes on.
 */
@Component
@Order(CallerLimit.ORDER + 1)
class StreamLimit implements WebFilter {

	private final StreamPaths paths = new StreamPaths();

	private final StreamSlots slots;

	private final TenantLimitLookup limits;

	private final int maxBodyBytes;

	StreamLimit(StreamSlots slots, TenantLimitLookup limits,
			@Value("${spring.http.codecs.max-in-memory-size:256KB}") DataSize maxBody) {
		this.slots = slots;
		this.limits = limits;
		this.maxBodyBytes = (int) Math.min(Integer.MAX_VALUE, maxBody.toBytes());
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		Caller caller = Caller.of(exchange).orElse(null);
		ServerHttpRequest request = exchange.getRequest();
		if (caller == null) {
			return chain.filter(exchange);
		}
		if (HttpMethod.GET.equals(request.getMethod()) && this.paths.isEventStream(request)) {
			return holdingSlot(caller, exchange, chain);
		}
		if (!HttpMethod.POST.equals(request.getMethod()) || !this.paths.mayStream(request)) {
			return chain.filter(exchange);
		}
		return DataBufferUtils.join(request.getBody(), this.maxBodyBytes)
			.map(StreamLimit::bytes)
			.defaultIfEmpty(new byte[0])
			.flatMap(body -> {
				ServerWebExchange replayed = exchange.mutate().request(replaying(request, body)).build();
				return asksToStream(body) ? holdingSlot(caller, replayed, chain) : chain.filter(replayed);
			});
	}

	private Mono<Void> holdingSlot(Caller caller, ServerWebExchange exchange, WebFilterChain chain) {
		return this.limits.of(caller.tenantId()).flatMap(limits -> {
			StreamSlots.Slot slot = this.slots.open(caller.tenantId(), caller.user(), limits);
			return chain.filter(exchange).doFinally(signal -> slot.release());
		});
	}

	private static boolean asksToStream(byte[] body) {
		if (body.length == 0) {
			return false;
		}
		try {
			JsonNode stream = JsonMapper.shared().readTree(body).path("stream");
			return stream.isBoolean() && stream.asBoolean();
		}
		catch (JacksonException ex) {
			// Not JSON: the controller answers it with a 400, no stream is opened.
			return false;
		}
	}

	private static byte[] bytes(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	private static ServerHttpRequest replaying(ServerHttpRequest request, byte[] body) {
		return new ServerHttpRequestDecorator(request) {

			@Override
			public Flux<DataBuffer> getBody() {
				return (body.length == 0) ? Flux.empty()
						: Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)));
			}

		};
	}

}
