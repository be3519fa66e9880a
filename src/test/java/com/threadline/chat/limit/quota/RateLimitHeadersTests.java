package com.threadline.chat.limit.quota;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitHeadersTests {

	@Test
	void writesDurationsAsOpenAiDoes() {
		assertThat(RateLimitHeaders.duration(Duration.ofMillis(17))).isEqualTo("17ms");
		assertThat(RateLimitHeaders.duration(Duration.ofNanos(10))).isEqualTo("1ms");
		assertThat(RateLimitHeaders.duration(Duration.ofSeconds(1))).isEqualTo("1s");
		assertThat(RateLimitHeaders.duration(Duration.ofMillis(1200))).isEqualTo("2s");
		assertThat(RateLimitHeaders.duration(Duration.ofMinutes(6))).isEqualTo("6m0s");
		assertThat(RateLimitHeaders.duration(Duration.ofSeconds(3 * 3600 + 62))).isEqualTo("3h1m2s");
		assertThat(RateLimitHeaders.duration(Duration.ZERO)).isEqualTo("0s");
	}

	@Test
	void retryAfterIsWholeSecondsRoundedUp() {
		assertThat(RateLimitExceeded.seconds(Duration.ofMillis(1))).isEqualTo(1);
		assertThat(RateLimitExceeded.seconds(Duration.ofMillis(1001))).isEqualTo(2);
		assertThat(RateLimitExceeded.seconds(Duration.ofSeconds(60))).isEqualTo(60);
	}

}
