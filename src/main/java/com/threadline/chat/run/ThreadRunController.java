package com.threadline.chat.run;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.threadline.chat.tenant.Caller;
import com.threadline.chat.tenant.context.Blocking;

/** {@code POST /v1/threads/runs}: OpenAI's create-thread-and-run. */
@RestController
class ThreadRunController {

	private final RunService runs;

	private final RunResponses responses;

	private final Blocking blocking;

	ThreadRunController(RunService runs, RunResponses responses, Blocking blocking) {
		this.runs = runs;
		this.responses = responses;
		this.blocking = blocking;
	}

	@PostMapping("/v1/threads/runs")
	Mono<ResponseEntity<Flux<DataBuffer>>> createThreadAndRun(Caller caller, @RequestBody NewThreadAndRun request) {
		UserScope.check(caller, request);
		return this.blocking.call(() -> this.runs.createThreadAndRun(caller, request))
			.map(started -> this.responses.of(started, Boolean.TRUE.equals(request.stream())));
	}

}
