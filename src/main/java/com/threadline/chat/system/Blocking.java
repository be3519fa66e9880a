package com.threadline.chat.system;

import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.stereotype.Component;

/**
 * The one crossing from the reactive edge into the blocking core: runs JPA work on a
 * bounded scheduler, never on an event-loop thread, acting for the tenant found in the
 * Reactor context.
 */
@Component
public class Blocking {

	private final Scheduler scheduler = Schedulers.boundedElastic();

	/** Calls {@code work} off the event loop; a {@code null} result completes empty. */
	public <T> Mono<T> call(Callable<@Nullable T> work) {
		return Mono.deferContextual(context -> {
			String tenant = context.getOrDefault(TenantScope.CONTEXT_KEY, null);
			return Mono.<T>fromCallable(() -> (tenant != null) ? TenantScope.call(tenant, work) : work.call());
		}).subscribeOn(this.scheduler);
	}

	/** Runs {@code work} off the event loop. */
	public Mono<Void> run(Runnable work) {
		return call(() -> {
			work.run();
			return null;
		}).then();
	}

}
