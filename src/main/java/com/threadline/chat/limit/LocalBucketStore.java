package com.threadline.chat.limit;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.stereotype.Component;

/**
 * Buckets in this instance's memory (Caffeine), dropped after a while unused. Bucket4j's
 * local buckets are lock-free, so callers contend only for their own bucket.
 */
@Component
class LocalBucketStore implements BucketStore {

	private final Cache<String, Bucket> buckets;

	LocalBucketStore(LimitProperties properties) {
		this.buckets = Caffeine.newBuilder().expireAfterAccess(properties.idleBucketExpiry()).build();
	}

	@Override
	public ConsumptionProbe take(String key, long perSecond) {
		// The rate is part of the key, so an operator's new limit starts a fresh bucket.
		Bucket bucket = this.buckets.get(key + "@" + perSecond, k -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(perSecond).refillGreedy(perSecond, Duration.ofSeconds(1)).build())
			.build());
		return bucket.tryConsumeAndReturnRemaining(1);
	}

}
