package com.threadline.chat.llm;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.ClientResponse;

/**
 * A provider's HTTP error answer, before it is mapped to a {@link ModelException}.
 *
 * @see ModelFailures
 */
final class ProviderResponseException extends RuntimeException {

	private static final JsonMapper JSON = JsonMapper.shared();

	private static final int LONGEST_MESSAGE = 500;

	private final int status;

	private final @Nullable String providerMessage;

	private final @Nullable Duration retryAfter;

	ProviderResponseException(int status, @Nullable String providerMessage, @Nullable Duration retryAfter) {
		super("HTTP " + status + ((providerMessage != null) ? ": " + providerMessage : ""), null, false, false);
		this.status = status;
		this.providerMessage = providerMessage;
		this.retryAfter = retryAfter;
	}

	/** Reads an error response: its status, its error message and its retry hint. */
	static Mono<ProviderResponseException> from(ClientResponse response, Endpoint endpoint) {
		Duration retryAfter = RetryAfter.parse(response.headers().asHttpHeaders());
		int status = response.statusCode().value();
		return response.bodyToMono(String.class)
			.defaultIfEmpty("")
			.onErrorReturn("")
			.map((body) -> new ProviderResponseException(status, message(body, endpoint), retryAfter));
	}

	int status() {
		return this.status;
	}

	@Nullable String providerMessage() {
		return this.providerMessage;
	}

	@Nullable Duration retryAfter() {
		return this.retryAfter;
	}

	/** Whether trying again may help: 408, 429 and 5xx. */
	boolean retryable() {
		return this.status == 408 || this.status == 429 || this.status >= 500;
	}

	private static @Nullable String message(String body, Endpoint endpoint) {
		String message;
		try {
			JsonNode error = JSON.readTree(body).path("error");
			message = error.isObject() ? error.path("message").asString("") : error.asString("");
		}
		catch (RuntimeException ex) {
			message = "";
		}
		if (message.isBlank()) {
			return null;
		}
		message = endpoint.redact(message.strip());
		return (message.length() > LONGEST_MESSAGE) ? message.substring(0, LONGEST_MESSAGE) + "…" : message;
	}

}
