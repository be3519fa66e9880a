package com.threadline.chat.llm;

import reactor.core.publisher.Flux;

/**
 * Streams one chat completion. The flux emits every chunk as it arrives — text deltas,
 * tool-call deltas (a call's {@code id} and {@code name} in its first delta), usage, and
 * the finish reason — and fails with a {@link ModelException} whose code is one of
 * OpenAI's {@code last_error} codes.
 */
public interface ModelGateway {

	Flux<ModelEvent> stream(ModelRequest request);

}
