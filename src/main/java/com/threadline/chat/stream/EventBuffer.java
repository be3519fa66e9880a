package com.threadline.chat.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.scheduler.Scheduler;

/**
 * The events of one stream, all of them from the first (a live stream never loses one),
 * their framed size, and the followers reading them. Appending never waits for a
 * follower: a follower pulls events as its subscriber asks for them, on the given
 * scheduler. Once released (the log dropped the stream) its events are gone and followers
 * still reading are told so.
 */
final class EventBuffer {

	private final String streamId;

	private final Scheduler scheduler;

	private final Set<Follower> followers = ConcurrentHashMap.newKeySet();

	private List<LoggedEvent> events = new ArrayList<>();

	private long bytes;

	private boolean completed;

	/** How many events the stream had when released; -1 while it holds them. */
	private long released = -1;

	private volatile long touchedAt = System.nanoTime();

	EventBuffer(String streamId, Scheduler scheduler) {
		this.streamId = streamId;
		this.scheduler = scheduler;
	}

	/**
	 * Appends an event of {@code size} framed bytes unless that would take the stream
	 * past {@code maxEvents} or {@code maxBytes}.
	 * @throws EventLog.Full when it would
	 */
	long append(String event, String data, long size, int maxEvents, long maxBytes) {
		long seq;
		synchronized (this) {
			if (this.completed || this.released >= 0) {
				throw new IllegalStateException("Stream %s is complete".formatted(this.streamId));
			}
			if (this.events.size() >= maxEvents || this.bytes + size > maxBytes) {
				throw new EventLog.Full(this.streamId, this.events.size(), this.bytes);
			}
			seq = this.events.size() + 1;
			this.events.add(new LoggedEvent(seq, event, data));
			this.bytes += size;
		}
		this.touchedAt = System.nanoTime();
		this.followers.forEach(Follower::signal);
		return seq;
	}

	/** Ends the stream; returns whether this call ended it. */
	boolean complete() {
		boolean ended;
		synchronized (this) {
			ended = !this.completed;
			this.completed = true;
		}
		this.touchedAt = System.nanoTime();
		this.followers.forEach(Follower::signal);
		return ended;
	}

	/**
	 * Drops every event (followers still reading learn that they are gone); returns the
	 * bytes freed.
	 */
	long release() {
		long freed;
		synchronized (this) {
			freed = this.bytes;
			this.completed = true;
			this.released = (this.released >= 0) ? this.released : this.events.size();
			this.events = List.of();
			this.bytes = 0;
		}
		this.followers.forEach(Follower::signal);
		return freed;
	}

	synchronized long lastSeq() {
		return (this.released >= 0) ? this.released : this.events.size();
	}

	synchronized long bytes() {
		return this.bytes;
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
	 * @throws EventLog.Evicted when the stream was released before the reader got there
	 */
	private synchronized @Nullable LoggedEvent after(long cursor) {
		if (this.released >= 0) {
			if (cursor < this.released) {
				throw new EventLog.Evicted(this.streamId, cursor);
			}
			return null;
		}
		return (cursor < this.events.size()) ? this.events.get((int) cursor) : null;
	}

	private synchronized boolean endsAt(long cursor) {
		return this.completed && cursor >= ((this.released >= 0) ? this.released : this.events.size());
	}

	/** One reader: emits what its subscriber asked for, never more. */
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
