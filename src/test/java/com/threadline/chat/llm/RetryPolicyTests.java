package com.threadline.chat.llm;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTests {

	private static final Instant NOW = Instant.parse("2026-09-01T12:00:00Z");

	private final RetryPolicy policy = new RetryPolicy(
			new LlmProperties("", null, null, null, Map.of(), Duration.ofSeconds(10), Duration.ofSeconds(60),
					Duration.ofSeconds(60), 2, Duration.ofMillis(500), Duration.ofSeconds(30), 500));

	@Test
	void readsRetryAfterInSecondsMillisecondsOrAsHttpDate() {
		assertThat(RetryAfter.parse(headers("Retry-After", "3"), NOW)).isEqualTo(Duration.ofSeconds(3));
		assertThat(RetryAfter.parse(headers("retry-after-ms", "1500"), NOW)).isEqualTo(Duration.ofMillis(1500));
		assertThat(RetryAfter.parse(headers("Retry-After", "Tue, 01 Sep 2026 12:00:07 GMT"), NOW))
			.isEqualTo(Duration.ofSeconds(7));
		assertThat(RetryAfter.parse(headers("Retry-After", "Tue, 01 Sep 2026 11:00:00 GMT"), NOW))
			.isEqualTo(Duration.ZERO);
	}

	@Test
	void ignoresMissingOrUnreadableRetryAfter() {
		assertThat(RetryAfter.parse(new HttpHeaders(), NOW)).isNull();
		assertThat(RetryAfter.parse(headers("Retry-After", "soon"), NOW)).isNull();
		assertThat(RetryAfter.parse(headers("Retry-After", "-5"), NOW)).isNull();
	}

	@Test
	void honoursRetryAfterUpToTheLongestBackoff() {
		assertThat(this.policy.delay(new ProviderResponseException(429, null, Duration.ofSeconds(4)), 0))
			.isEqualTo(Duration.ofSeconds(4));
		assertThat(this.policy.delay(new ProviderResponseException(429, null, Duration.ofMinutes(5)), 0))
			.isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void backsOffExponentiallyWithJitter() {
		ProviderResponseException failure = new ProviderResponseException(500, null, null);
		assertThat(this.policy.delay(failure, 0)).isBetween(Duration.ofMillis(375), Duration.ofMillis(500));
		assertThat(this.policy.delay(failure, 1)).isBetween(Duration.ofMillis(750), Duration.ofMillis(1000));
		assertThat(this.policy.delay(failure, 10)).isBetween(Duration.ofMillis(22500), Duration.ofSeconds(30));
	}

	@Test
	void retriesOnlyTransientFailures() {
		assertThat(RetryPolicy.retryable(new ProviderResponseException(429, null, null))).isTrue();
		assertThat(RetryPolicy.retryable(new ProviderResponseException(408, null, null))).isTrue();
		assertThat(RetryPolicy.retryable(new ProviderResponseException(502, null, null))).isTrue();
		assertThat(RetryPolicy.retryable(new ProviderResponseException(400, null, null))).isFalse();
		assertThat(RetryPolicy.retryable(new ProviderResponseException(401, null, null))).isFalse();
		assertThat(RetryPolicy.retryable(new ModelException("server_error", "timed out"))).isFalse();
	}

	private static HttpHeaders headers(String name, String value) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(name, value);
		return headers;
	}

}
