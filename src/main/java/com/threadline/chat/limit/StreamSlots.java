package com.threadline.chat.limit;

import org.jspecify.annotations.Nullable;

import com.threadline.chat.limit.quota.RateLimitExceeded;

/**
 * Open event streams per tenant and per end user. A stream holds its slot from before
 * anything starts until its response ends, however it ends.
 */
interface StreamSlots {

	/**
	 * Takes a slot for a stream of {@code tenantId} (and of {@code user}, for a user
	 * token), or throws {@link RateLimitExceeded} when either is at its limit.
	 */
	Slot open(String tenantId, @Nullable String user, TenantLimits limits);

	/** A taken slot. */
	interface Slot {

		/** Gives the slot back; later calls do nothing. */
		void release();

	}

}
