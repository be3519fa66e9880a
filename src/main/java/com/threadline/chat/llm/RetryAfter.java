package com.threadline.chat.llm;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * A provider's hint how long to wait before retrying: {@code retry-after-ms} (OpenAI),
 * else {@code Retry-After} in seconds or as an HTTP-date.
 */
final class RetryAfter {

	private RetryAfter() {
	}

	static @Nullable Duration parse(HttpHeaders headers) {
		return parse(headers, Instant.now());
	}

	static @Nullable Duration parse(HttpHeaders headers, Instant now) {
		Duration millis = number(headers.getFirst("retry-after-ms"), 1);
		if (millis != null) {
			return millis;
		}
		String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
		if (value == null || value.isBlank()) {
			return null;
		}
		Duration seconds = number(value, 1000);
		return (seconds != null) ? seconds : date(value.strip(), now);
	}

	private static @Nullable Duration number(@Nullable String value, long millisPerUnit) {
		if (value == null) {
			return null;
		}
		try {
			double units = Double.parseDouble(value.strip());
			return (units >= 0 && Double.isFinite(units)) ? Duration.ofMillis(Math.round(units * millisPerUnit)) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static @Nullable Duration date(String value, Instant now) {
		try {
			Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			Duration wait = Duration.between(now, at);
			return wait.isNegative() ? Duration.ZERO : wait;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
