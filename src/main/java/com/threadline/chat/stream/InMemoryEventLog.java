package com.threadline.chat.stream;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The default event log: in the memory of the instance that produces the stream, bounded
 * in framed bytes per stream and in total. A completed stream is dropped after the
 * retention period, or as soon as the log is over its budget (oldest completed first);
 * one that never completes is dropped after staying idle for {@code max-idle}. Live
 * streams are never cut: past a limit their producers are told to stop ({@link #room}).
 */
@Component
@ConditionalOnProperty(prefix = "chat.stream", name = "log", havingValue = "memory", matchIfMissing = true)
class InMemoryEventLog implements EventLog {

	/**
	 * How far past its limits a stream may still grow while its producer stops: a run's
	 * closing events repeat its reply in full ({@code thread.message.incomplete}).
	 */
	private static final int CEILING = 3;

	private final Map<String, EventBuffer> streams = new ConcurrentHashMap<>();

	private final Map<String, Long> completedAt = new ConcurrentHashMap<>();

	/** Completed streams, oldest first: the order they are dropped in under pressure. */
	private final Queue<String> completedOrder = new ConcurrentLinkedQueue<>();

	private final AtomicLong bytes = new AtomicLong();

	private final StreamProperties properties;

	private final long maxRunBytes;

	private final long maxBytes;

	private final Scheduler followers = Schedulers.parallel();

	InMemoryEventLog(StreamProperties properties) {
		this.properties = properties;
		this.maxRunBytes = properties.maxRunBytes().toBytes();
		this.maxBytes = properties.maxBytes().toBytes();
	}

	@Override
	public long append(String streamId, String event, String data) {
		EventBuffer buffer = buffer(streamId);
		long size = SseFraming.accountedSize(buffer.lastSeq() + 1, event, data);
		long seq = buffer.append(event, data, size, CEILING * this.properties.capacity(), CEILING * this.maxRunBytes);
		if (this.bytes.addAndGet(size) > this.maxBytes) {
			dropCompleted();
		}
		return seq;
	}

	@Override
	public void complete(String streamId) {
		EventBuffer buffer = this.streams.get(streamId);
		if (buffer != null && buffer.complete()) {
			this.completedAt.put(streamId, System.nanoTime());
			this.completedOrder.add(streamId);
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

	@Override
	public Room room(String streamId) {
		EventBuffer buffer = this.streams.get(streamId);
		if (buffer != null && (buffer.bytes() > this.maxRunBytes || buffer.lastSeq() > this.properties.capacity())) {
			return Room.STREAM_FULL;
		}
		return (this.bytes.get() > this.maxBytes) ? Room.LOG_FULL : Room.AVAILABLE;
	}

	@Override
	public long bytes() {
		return this.bytes.get();
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
				drop(id, buffer);
			}
		});
		this.completedOrder.removeIf(id -> !this.streams.containsKey(id));
	}

	/** Drops completed streams, oldest first, until the log is within its budget. */
	private synchronized void dropCompleted() {
		while (this.bytes.get() > this.maxBytes) {
			String id = this.completedOrder.poll();
			if (id == null) {
				return;
			}
			EventBuffer buffer = this.streams.get(id);
			if (buffer != null && buffer.isCompleted()) {
				drop(id, buffer);
			}
		}
	}

	private void drop(String id, EventBuffer buffer) {
		if (this.streams.remove(id, buffer)) {
			this.completedAt.remove(id);
			this.bytes.addAndGet(-buffer.release());
		}
	}

	private EventBuffer buffer(String streamId) {
		return this.streams.computeIfAbsent(streamId, id -> new EventBuffer(id, this.followers));
	}

}
