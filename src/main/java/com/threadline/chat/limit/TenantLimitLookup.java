package com.threadline.chat.limit;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import com.threadline.chat.tenant.context.Blocking;

/**
 * A tenant's limits for the reactive edge: from the cache when it has them, else read off
 * the event loop.
 */
@Component
class TenantLimitLookup {

	private final LimitSettings settings;

	private final Blocking blocking;

	TenantLimitLookup(LimitSettings settings, Blocking blocking) {
		this.settings = settings;
		this.blocking = blocking;
	}

	Mono<TenantLimits> of(String tenantId) {
		TenantLimits cached = this.settings.cached(tenantId);
		return (cached != null) ? Mono.just(cached) : this.blocking.call(() -> this.settings.of(tenantId));
	}

}
