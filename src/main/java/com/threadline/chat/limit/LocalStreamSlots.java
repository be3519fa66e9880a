package com.threadline.chat.limit;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import com.threadline.chat.limit.quota.Quota;
import com.threadline.chat.limit.quota.RateLimitExceeded;

/**
 * Stream slots counted in this instance's memory: a connection lives on one instance, so
 * with N instances a tenant may hold up to N times its limit. Counters are per key (no
 * global lock) and disappear at zero.
 */
@Component
class LocalStreamSlots implements StreamSlots {

	/** A stream ends at no predictable time: a client may simply try again shortly. */
	private static final Duration RETRY = Duration.ofSeconds(1);

	private final ConcurrentMap<String, Long> open = new ConcurrentHashMap<>();

	@Override
	public Slot open(String tenantId, @Nullable String user, TenantLimits limits) {
		String tenantKey = "tenant:" + tenantId;
		take(tenantKey, limits.streamsPerTenant(), "open streams per tenant");
		if (user == null) {
			return once(() -> give(tenantKey));
		}
		String userKey = "user:" + tenantId + ":" + user;
		try {
			take(userKey, limits.streamsPerUser(), "open streams per user");
		}
		catch (RateLimitExceeded ex) {
			give(tenantKey);
			throw ex;
		}
		return once(() -> {
			give(userKey);
			give(tenantKey);
		});
	}

	/** How many streams are open under {@code key} on this instance. */
	long count(String key) {
		return this.open.getOrDefault(key, 0L);
	}

	private void take(String key, long limit, String what) {
		// Count first, then check: racing openers may both be refused, never both
		// admitted.
		long now = this.open.merge(key, 1L, Long::sum);
		if (now > limit) {
			give(key);
			throw new RateLimitExceeded(Quota.requests(limit, 0, RETRY), what);
		}
	}

	private void give(String key) {
		this.open.merge(key, -1L, (count, minus) -> (count + minus <= 0) ? null : count + minus);
	}

	private static Slot once(Runnable release) {
		AtomicBoolean released = new AtomicBoolean();
		return () -> {
			if (released.compareAndSet(false, true)) {
				release.run();
			}
		};
	}

}
