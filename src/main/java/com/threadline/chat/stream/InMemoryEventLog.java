package com.threadline.chat.stream;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The default event log: in the memory of the instance that produces the stream. A
 * completed stream is dropped after the retention period, one that never completes after
 * staying idle for {@code max-idle}.
 */
@Component
@ConditionalOnProperty(prefix = "chat.stream", name = "log", havingValue = "memory", matchIfMissing = true)
class InMemoryEventLog implements EventLog {

	private final Map<String, EventBuffer> streams = new ConcurrentHashMap<>();

	private final Map<String, Long> completedAt = new ConcurrentHashMap<>();

	private final StreamProperties properties;

	private final Scheduler followers = Schedulers.parallel();

	InMemoryEventLog(StreamProperties properties) {
		this.properties = properties;
	}

	@Override
	public long append(String streamId, String event, String data) {
		return buffer(streamId).append(event, data);
	}

	@Override
	public void complete(String streamId) {
		EventBuffer buffer = this.streams.get(streamId);
		if (buffer != null) {
			buffer.complete();
			this.completedAt.put(streamId, System.nanoTime());
		}
	}

	@Override
	public Flux<LoggedEvent> follow(String streamId, long after) {
		return Flux.defer(() -> buffer(streamId).follow(after));
	}

	@Override
	public long lastSeq(String streamId) {
		EventBuffer buffer = this.streams.get(streamId);
		return (buffer != null) ? buffer.lastSeq() : 0;
	}

	@Override
	public boolean contains(String streamId) {
		EventBuffer buffer = this.streams.get(streamId);
		return buffer != null && buffer.lastSeq() > 0;
	}

	/** Drops streams completed longer ago than the retention, or idle too long. */
	@Scheduled(fixedDelay = 30, timeUnit = TimeUnit.SECONDS)
	void evict() {
		long now = System.nanoTime();
		long retention = this.properties.retention().toNanos();
		long maxIdle = this.properties.maxIdle().toNanos();
		this.streams.forEach((id, buffer) -> {
			Long completed = this.completedAt.get(id);
			boolean expired = (completed != null) ? now - completed > retention : now - buffer.touchedAt() > maxIdle;
			if (expired) {
				buffer.complete();
				this.streams.remove(id, buffer);
				this.completedAt.remove(id);
			}
		});
	}

	private EventBuffer buffer(String streamId) {
		return this.streams.computeIfAbsent(streamId,
				id -> new EventBuffer(id, this.properties.capacity(), this.followers));
	}

}
