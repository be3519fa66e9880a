package com.threadline.chat.limit;

import java.time.Duration;

import io.github.bucket4j.ConsumptionProbe;

import org.springframework.stereotype.Component;

import com.threadline.chat.limit.quota.Quota;
import com.threadline.chat.limit.quota.RateLimitExceeded;

/** Counts one request against a requests-per-second bucket, or refuses it with a 429. */
@Component
class RequestMeter {

	private static final long NANOS_PER_SECOND = 1_000_000_000L;

	private final BucketStore buckets;

	RequestMeter(BucketStore buckets) {
		this.buckets = buckets;
	}

	/**
	 * Takes one request from bucket {@code key}; {@code what} names the limit in the
	 * error.
	 */
	Quota take(String key, long perSecond, String what) {
		ConsumptionProbe probe = this.buckets.take(key, perSecond);
		if (!probe.isConsumed()) {
			throw new RateLimitExceeded(Quota.requests(perSecond, 0, Duration.ofNanos(probe.getNanosToWaitForRefill())),
					what);
		}
		long remaining = probe.getRemainingTokens();
		return Quota.requests(perSecond, remaining,
				Duration.ofNanos((perSecond - remaining) * NANOS_PER_SECOND / perSecond));
	}

}
