package com.threadline.chat.run.engine;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import com.threadline.chat.llm.ModelEvent;
import com.threadline.chat.llm.ModelException;

/**
 * One streamed model call, read one event at a time by the run's own thread, which can be
 * interrupted from another thread (cancel, expiry) without interrupting the thread
 * itself.
 */
final class ModelCall implements AutoCloseable {

	private static final Object END = new Object();

	/**
	 * What {@link #next()} returns when woken up by {@link #wakeAfter}: an empty delta.
	 */
	static final ModelEvent.TextDelta WAKE_UP = new ModelEvent.TextDelta("");

	private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();

	private final Disposable subscription;

	private record Failure(Throwable error) {
	}

	private ModelCall(Flux<ModelEvent> events) {
		this.subscription = events.subscribe(this.queue::add, error -> this.queue.add(new Failure(error)),
				() -> this.queue.add(END));
	}

	static ModelCall start(Flux<ModelEvent> events) {
		return new ModelCall(events);
	}

	/**
	 * The next event; {@code null} when the reply has ended or the call was interrupted.
	 * @throws ModelException when the model failed
	 */
	@Nullable ModelEvent next() throws InterruptedException {
		Object item = this.queue.take();
		if (item instanceof ModelEvent event) {
			return event;
		}
		if (item instanceof Failure(Throwable error)) {
			throw (error instanceof ModelException model) ? model
					: new ModelException("server_error", "The model call failed: " + error.getMessage(), error);
		}
		return null;
	}

	/**
	 * Makes {@link #next()} return {@link #WAKE_UP} once {@code delay} has passed (or as
	 * soon as the events before it are read), without a timed wait per event.
	 */
	void wakeAfter(Duration delay) {
		Schedulers.parallel().schedule(() -> this.queue.add(WAKE_UP), delay.toNanos(), TimeUnit.NANOSECONDS);
	}

	/** Stops the call: the reader gets {@code null} next. */
	void interrupt() {
		this.subscription.dispose();
		this.queue.add(END);
	}

	@Override
	public void close() {
		this.subscription.dispose();
	}

}
