package com.threadline.chat.limit.quota;

import java.time.Duration;

/**
 * Durations as OpenAI writes them in {@code x-ratelimit-reset-*}: {@code 17ms},
 * {@code 1s}, {@code 6m0s}.
 */
final class RateLimitHeaders {

	private RateLimitHeaders() {
	}

	static String duration(Duration duration) {
		if (duration.isNegative() || duration.isZero()) {
			return "0s";
		}
		if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
			return Math.max(1, duration.toMillis()) + "ms";
		}
		long seconds = RateLimitExceeded.seconds(duration);
		long hours = seconds / 3600;
		long minutes = (seconds % 3600) / 60;
		long rest = seconds % 60;
		if (hours > 0) {
			return hours + "h" + minutes + "m" + rest + "s";
		}
		return (minutes > 0) ? minutes + "m" + rest + "s" : rest + "s";
	}

}
