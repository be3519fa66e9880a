package com.threadline.chat.llm;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import io.netty.channel.ChannelOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The {@link ModelGateway} for OpenAI-compatible {@code POST …/chat/completions} with
 * {@code stream: true}: WebClient's own SSE decoding, one {@link ModelEvent} batch per
 * chunk as it arrives, first-chunk and idle timeouts, and retries before anything was
 * emitted ({@link RetryPolicy}).
 */
final class ChatCompletionsGateway implements ModelGateway, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ChatCompletionsGateway.class);

	private static final ParameterizedTypeReference<ServerSentEvent<String>> EVENTS = new ParameterizedTypeReference<>() {
	};

	/** How long to wait for the response to end once {@code [DONE]} arrived. */
	private static final Duration AFTER_DONE = Duration.ofSeconds(2);

	/**
	 * Pooled connections idle longer are closed, before providers drop them on their side
	 * (a stale connection fails before the response and is retried anyway).
	 */
	private static final Duration POOL_IDLE = Duration.ofSeconds(30);

	private final LlmProperties properties;

	private final RetryPolicy retries;

	private final ConnectionProvider connections;

	private final WebClient webClient;

	ChatCompletionsGateway(LlmProperties properties, WebClient.Builder webClients) {
		this.properties = properties;
		this.retries = new RetryPolicy(properties);
		this.connections = ConnectionProvider.builder("chat-llm")
			.maxConnections(properties.maxConnections())
			.maxIdleTime(POOL_IDLE)
			.build();
		HttpClient http = HttpClient.create(this.connections)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(properties.connectTimeout().toMillis()));
		this.webClient = webClients.clone().clientConnector(new ReactorClientHttpConnector(http)).build();
	}

	@Override
	public Flux<ModelEvent> stream(ModelRequest request) {
		return Flux.defer(() -> {
			Endpoint endpoint = Endpoint.resolve(this.properties, request.model());
			String body = ChatCompletionsRequest.json(endpoint.model(), request);
			AtomicBoolean emitted = new AtomicBoolean();
			log.debug("Streaming model '{}' from provider '{}' ({} messages)", endpoint.model(), endpoint.provider(),
					request.messages().size());
			return Flux.defer(() -> attempt(endpoint, body))
				.retryWhen(this.retries.forCall(emitted::get, endpoint))
				.doOnNext((event) -> emitted.set(true))
				.onErrorMap((failure) -> failed(failure, endpoint));
		});
	}

	private Flux<ModelEvent> attempt(Endpoint endpoint, String body) {
		ChunkReader reader = new ChunkReader(endpoint);
		return this.webClient.post()
			.uri(endpoint.uri())
			.headers(endpoint::authenticate)
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.bodyValue(body.getBytes(StandardCharsets.UTF_8))
			.retrieve()
			.onStatus(HttpStatusCode::isError, (response) -> ProviderResponseException.from(response, endpoint))
			.bodyToFlux(EVENTS)
			.mapNotNull(ServerSentEvent::data)
			.timeout(firstChunkTimeout(), (data) -> ChunkReader.isDone(data) ? afterDone() : idleTimeout())
			.onErrorResume(ResponseNotEnded.class, (notEnded) -> Mono.empty())
			.concatMapIterable(reader::read)
			.concatWith(Mono.defer(reader::end));
	}

	private Mono<Long> firstChunkTimeout() {
		Duration timeout = this.properties.firstChunkTimeout();
		return Mono.delay(timeout)
			.then(Mono.error(() -> new ModelException(ModelException.SERVER_ERROR,
					"The model did not start answering within " + seconds(timeout) + ".")));
	}

	/** A provider that keeps the response open after {@code [DONE]} is done anyway. */
	private static Mono<Long> afterDone() {
		return Mono.delay(AFTER_DONE).then(Mono.error(ResponseNotEnded::new));
	}

	private Mono<Long> idleTimeout() {
		Duration timeout = this.properties.idleTimeout();
		return Mono.delay(timeout)
			.then(Mono.error(() -> new ModelException(ModelException.SERVER_ERROR,
					"The model stopped answering for more than " + seconds(timeout) + ".")));
	}

	private ModelException failed(Throwable failure, Endpoint endpoint) {
		ModelException mapped = ModelFailures.map(failure);
		log.warn("Model '{}' from provider '{}' failed with {}: {} ({})", endpoint.model(), endpoint.provider(),
				mapped.code(), mapped.getMessage(), failure.toString());
		return mapped;
	}

	private static String seconds(Duration duration) {
		return (duration.toMillis() % 1000 == 0) ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
	}

	@Override
	public void destroy() {
		this.connections.dispose();
	}

	private static final class ResponseNotEnded extends RuntimeException {

		ResponseNotEnded() {
			super("response still open after [DONE]", null, false, false);
		}

	}

}
