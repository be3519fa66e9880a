package com.threadline.chat.limit.quota;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import com.threadline.chat.system.ApiException;

/**
 * OpenAI's {@code 429 rate_limit_exceeded}, with {@code Retry-After} and the
 * {@code x-ratelimit-*} headers of the limit that was reached.
 */
public class RateLimitExceeded extends ApiException {

	public RateLimitExceeded(Quota quota, String what) {
		super(HttpStatus.TOO_MANY_REQUESTS, quota.kind(), null, "rate_limit_exceeded",
				"Rate limit reached for %s: limit %d. Please try again in %s.".formatted(what, quota.limit(),
						RateLimitHeaders.duration(quota.reset())));
		quota.writeTo(getHeaders());
		getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds(quota.reset())));
	}

	/** Whole seconds to wait, rounded up, at least one. */
	static long seconds(Duration wait) {
		long seconds = wait.toSeconds() + ((wait.toNanosPart() > 0) ? 1 : 0);
		return Math.max(1, seconds);
	}

}
