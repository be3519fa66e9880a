package com.threadline.chat.run;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.threadline.chat.stream.SseFraming;
import com.threadline.chat.system.ApiException;
import com.threadline.chat.system.ListPage;
import com.threadline.chat.system.ListQuery;
import com.threadline.chat.tenant.Caller;
import com.threadline.chat.thread.ThreadId;
import com.threadline.chat.tenant.context.Blocking;

/**
 * {@code /v1/threads/{thread_id}/runs}: OpenAI's runs API, plus the resumable event
 * stream of a run.
 */
@RestController
@RequestMapping("/v1/threads/{threadId}/runs")
class RunController {

	private final RunService runs;

	private final RunResponses responses;

	private final SseFraming framing;

	private final Blocking blocking;

	RunController(RunService runs, RunResponses responses, SseFraming framing, Blocking blocking) {
		this.runs = runs;
		this.responses = responses;
		this.framing = framing;
		this.blocking = blocking;
	}

	record ModifyRun(@Nullable Map<String, String> metadata) {
	}

	record SubmitToolOutputs(@Nullable List<ToolOutput> toolOutputs, @Nullable Boolean stream) {
	}

	@PostMapping
	Mono<ResponseEntity<Flux<DataBuffer>>> create(Caller caller, @PathVariable ThreadId threadId,
			@RequestBody NewRun request) {
		UserScope.check(caller, request);
		return this.blocking.call(() -> this.runs.start(caller, threadId, request))
			.map(started -> this.responses.of(started, request.streaming()));
	}

	@GetMapping
	Mono<ListPage<RunView>> list(Caller caller, @PathVariable ThreadId threadId,
			@RequestParam(required = false) @Nullable String limit,
			@RequestParam(required = false) @Nullable String order,
			@RequestParam(required = false) @Nullable String after,
			@RequestParam(required = false) @Nullable String before) {
		ListQuery query = ListQuery.of(limit, order, after, before);
		return this.blocking.call(() -> this.runs.list(caller, threadId, query));
	}

	@GetMapping("/{runId}")
	Mono<RunView> get(Caller caller, @PathVariable ThreadId threadId, @PathVariable RunId runId) {
		return this.blocking.call(() -> this.runs.find(caller, threadId, runId));
	}

	@PostMapping("/{runId}")
	Mono<RunView> modify(Caller caller, @PathVariable ThreadId threadId, @PathVariable RunId runId,
			@RequestBody ModifyRun request) {
		return this.blocking.call(() -> this.runs.modify(caller, threadId, runId, request.metadata()));
	}

	@PostMapping("/{runId}/cancel")
	Mono<RunView> cancel(Caller caller, @PathVariable ThreadId threadId, @PathVariable RunId runId) {
		return this.blocking.call(() -> this.runs.cancel(caller, threadId, runId));
	}

	@PostMapping("/{runId}/submit_tool_outputs")
	Mono<ResponseEntity<Flux<DataBuffer>>> submitToolOutputs(Caller caller, @PathVariable ThreadId threadId,
			@PathVariable RunId runId, @RequestBody SubmitToolOutputs request) {
		return this.blocking.call(() -> this.runs.submitToolOutputs(caller, threadId, runId, request.toolOutputs()))
			.map(started -> this.responses.of(started, Boolean.TRUE.equals(request.stream())));
	}

	/**
	 * The run's events with their sequence as {@code id:}, from after
	 * {@code Last-Event-ID} (or {@code ?starting_after=}), then live until the run ends.
	 */
	@GetMapping("/{runId}/events")
	Mono<ResponseEntity<Flux<DataBuffer>>> events(Caller caller, @PathVariable ThreadId threadId,
			@PathVariable RunId runId, @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastId,
			@RequestParam(name = "starting_after", required = false) @Nullable String startingAfter) {
		long after = (lastId != null && !lastId.isBlank()) ? sequence(lastId, "Last-Event-ID")
				: sequence(startingAfter, "starting_after");
		return this.blocking.call(() -> this.runs.follow(caller, threadId, runId, after)).map(this.framing::resumable);
	}

	private static long sequence(@Nullable String value, String param) {
		if (value == null || value.isBlank()) {
			return 0;
		}
		try {
			long sequence = Long.parseLong(value.strip());
			if (sequence >= 0) {
				return sequence;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw ApiException.invalid(param,
				"Invalid '%s': expected the sequence number of an event (a non-negative integer).".formatted(param));
	}

}
