package com.threadline.chat.limit.quota;

import java.time.Duration;

import org.springframework.http.HttpHeaders;

/**
 * Where a caller stands against one limit, as OpenAI's {@code x-ratelimit-*} headers tell
 * it.
 *
 * @param kind {@code requests} or {@code tokens}: the suffix of the headers and the
 * error's {@code type}
 * @param limit the limit
 * @param remaining what is left of it
 * @param reset how long until it is whole again (or, when refused, until a retry may
 * succeed)
 */
public record Quota(String kind, long limit, long remaining, Duration reset) {

	public static Quota requests(long limit, long remaining, Duration reset) {
		return new Quota("requests", limit, remaining, reset);
	}

	public static Quota tokens(long limit, long remaining, Duration reset) {
		return new Quota("tokens", limit, remaining, reset);
	}

	public void writeTo(HttpHeaders headers) {
		headers.set("x-ratelimit-limit-" + this.kind, Long.toString(this.limit));
		headers.set("x-ratelimit-remaining-" + this.kind, Long.toString(Math.max(0, this.remaining)));
		headers.set("x-ratelimit-reset-" + this.kind, RateLimitHeaders.duration(this.reset));
	}

}
