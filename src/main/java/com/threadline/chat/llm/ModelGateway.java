package com.threadline.chat.llm;

import reactor.core.publisher.Flux;

/**
 * Streams one chat completion. The flux emits every chunk as it arrives — text deltas,
 * tool-call deltas (a call's {@code id} and {@code name} in its first delta), usage, and
 * the finish reason — and fails with a {@link ModelException} whose code is one of
 * OpenAI's {@code last_error} codes.
 * <p>
 * Nothing happens until subscription; each subscription is one model call. Transient
 * failures are retried only before the first event was emitted, so a subscriber never
 * sees a reply twice; a failure after that ends the flux with the events so far.
 * Cancelling the subscription closes the connection to the provider.
 */
public interface ModelGateway {

	Flux<ModelEvent> stream(ModelRequest request);

}
