package com.threadline.chat.limit;

import io.github.bucket4j.ConsumptionProbe;

/**
 * Where rate-limit buckets live. Each key is its own bucket: one caller at its limit
 * never waits on another's. The in-memory store limits per instance; a store on
 * Bucket4j's Redis backend would limit across instances.
 */
interface BucketStore {

	/**
	 * Takes one token from the bucket {@code key}, which holds {@code perSecond} tokens
	 * and refills at that rate.
	 */
	ConsumptionProbe take(String key, long perSecond);

}
