package com.threadline.chat.tenant.context;

import java.io.InputStream;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
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

	/**
	 * Reads a blocking stream off the event loop as buffers of {@code bufferSize}, as the
	 * client takes them (nothing reads ahead of demand); the stream is closed at the end
	 * or on cancel.
	 */
	public Flux<DataBuffer> read(Callable<InputStream> source, DataBufferFactory buffers, int bufferSize) {
		return DataBufferUtils.readInputStream(source, buffers, bufferSize).subscribeOn(this.scheduler);
	}

}
