package com.threadline.chat.llm;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * When and after how long a failed model request is tried again: on 429, 408, 5xx and
 * connection errors, at most {@code max-retries} times, and only while nothing has been
 * emitted to the caller. The wait is the provider's {@code Retry-After} if it sent one,
 * else an exponential backoff with jitter; both are capped at {@code max-backoff}.
 */
final class RetryPolicy {

	private static final Logger log = LoggerFactory.getLogger(RetryPolicy.class);

	private final int maxRetries;

	private final Duration initialBackoff;

	private final Duration maxBackoff;

	RetryPolicy(LlmProperties properties) {
		this.maxRetries = Math.max(0, properties.maxRetries());
		this.initialBackoff = properties.initialBackoff();
		this.maxBackoff = properties.maxBackoff();
	}

	/**
	 * A retry spec for one call; {@code emitted} tells whether an event reached the
	 * caller.
	 */
	Retry forCall(BooleanSupplier emitted, Endpoint endpoint) {
		return Retry.from((signals) -> signals.concatMap((signal) -> {
			Throwable failure = signal.failure();
			if (emitted.getAsBoolean() || signal.totalRetries() >= this.maxRetries || !retryable(failure)) {
				return Mono.error(failure);
			}
			Duration delay = delay(failure, signal.totalRetries());
			log.info("Model call to provider '{}' failed ({}); retry {} of {} in {} ms", endpoint.provider(),
					failure.getMessage(), signal.totalRetries() + 1, this.maxRetries, delay.toMillis());
			return Mono.delay(delay).thenReturn(signal.totalRetries());
		}));
	}

	static boolean retryable(Throwable failure) {
		if (failure instanceof ProviderResponseException response) {
			return response.retryable();
		}
		return failure instanceof WebClientRequestException;
	}

	Duration delay(Throwable failure, long retry) {
		if (failure instanceof ProviderResponseException response && response.retryAfter() != null) {
			return min(response.retryAfter(), this.maxBackoff);
		}
		long factor = 1L << Math.min(retry, 20);
		Duration backoff = min(this.initialBackoff.multipliedBy(factor), this.maxBackoff);
		double jitter = 0.75 + 0.25 * ThreadLocalRandom.current().nextDouble();
		return Duration.ofMillis(Math.round(backoff.toMillis() * jitter));
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

}
