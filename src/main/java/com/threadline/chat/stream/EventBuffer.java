package com.threadline.chat.stream;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.scheduler.Scheduler;

/**
 * The kept events of one stream: a ring of the most recent {@code capacity} events (grown
 * on demand), and the followers reading it. Appending never waits for a follower: a
 * follower pulls events from the ring as its subscriber asks for them, on the given
 * scheduler.
 */
final class EventBuffer {

	private final String streamId;

	private final int capacity;

	private final Scheduler scheduler;

	private final Set<Follower> followers = ConcurrentHashMap.newKeySet();

	private @Nullable LoggedEvent[] ring;

	private long last;

	private boolean completed;

	private volatile long touchedAt = System.nanoTime();

	EventBuffer(String streamId, int capacity, Scheduler scheduler) {
		this.streamId = streamId;
		this.capacity = capacity;
		this.scheduler = scheduler;
		this.ring = new LoggedEvent[Math.min(capacity, 64)];
	}

	long append(String event, String data) {
		long seq;
		synchronized (this) {
			if (this.completed) {
				throw new IllegalStateException("Stream %s is complete".formatted(this.streamId));
			}
			seq = this.last + 1;
			if (seq > this.ring.length && this.ring.length < this.capacity) {
				grow();
			}
			this.ring[index(seq)] = new LoggedEvent(seq, event, data);
			this.last = seq;
		}
		this.touchedAt = System.nanoTime();
		this.followers.forEach(Follower::signal);
		return seq;
	}

	void complete() {
		synchronized (this) {
			this.completed = true;
		}
		this.touchedAt = System.nanoTime();
		this.followers.forEach(Follower::signal);
	}

	synchronized long lastSeq() {
		return this.last;
	}

	synchronized boolean isCompleted() {
		return this.completed;
	}

	long touchedAt() {
		return this.touchedAt;
	}

	Flux<LoggedEvent> follow(long after) {
		return Flux.create(sink -> {
			Follower follower = new Follower(sink, after);
			this.followers.add(follower);
			sink.onDispose(() -> this.followers.remove(follower));
			sink.onRequest(n -> follower.signal());
			follower.signal();
		});
	}

	/**
	 * The event after {@code cursor}, or {@code null} when there is none yet.
	 * @throws EventLog.Evicted when it is no longer kept
	 */
	private synchronized @Nullable LoggedEvent after(long cursor) {
		if (cursor >= this.last) {
			return null;
		}
		long first = Math.max(1, this.last - this.ring.length + 1);
		if (cursor + 1 < first) {
			throw new EventLog.Evicted(this.streamId, cursor, first);
		}
		return this.ring[index(cursor + 1)];
	}

	private synchronized boolean endsAt(long cursor) {
		return this.completed && cursor >= this.last;
	}

	private void grow() {
		LoggedEvent[] grown = new LoggedEvent[(int) Math.min(this.capacity, this.ring.length * 2L)];
		for (long seq = Math.max(1, this.last - this.ring.length + 1); seq <= this.last; seq++) {
			grown[(int) (seq % grown.length)] = this.ring[index(seq)];
		}
		this.ring = grown;
	}

	private int index(long seq) {
		return (int) (seq % this.ring.length);
	}

	/** One reader: emits what its subscriber asked for, never more, from the ring. */
	private final class Follower {

		private final FluxSink<LoggedEvent> sink;

		private final AtomicInteger pending = new AtomicInteger();

		private long cursor;

		Follower(FluxSink<LoggedEvent> sink, long after) {
			this.sink = sink;
			this.cursor = after;
		}

		void signal() {
			if (this.pending.getAndIncrement() == 0) {
				EventBuffer.this.scheduler.schedule(this::drain);
			}
		}

		private void drain() {
			int missed = 1;
			do {
				try {
					if (emitRequested()) {
						return;
					}
				}
				catch (EventLog.Evicted ex) {
					this.sink.error(ex);
					return;
				}
				missed = this.pending.addAndGet(-missed);
			}
			while (missed != 0);
		}

		/** Emits as much as requested; returns whether the follower is done. */
		private boolean emitRequested() {
			while (!this.sink.isCancelled() && this.sink.requestedFromDownstream() > 0) {
				LoggedEvent next = after(this.cursor);
				if (next == null) {
					break;
				}
				this.cursor = next.seq();
				this.sink.next(next);
			}
			if (this.sink.isCancelled()) {
				return true;
			}
			if (endsAt(this.cursor)) {
				this.sink.complete();
				return true;
			}
			return false;
		}

	}

}
