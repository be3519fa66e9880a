package com.threadline.chat.run;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.threadline.chat.system.ListPage;
import com.threadline.chat.system.ListQuery;
import com.threadline.chat.tenant.Caller;
import com.threadline.chat.thread.ThreadId;
import com.threadline.chat.tenant.context.Blocking;

/** {@code /v1/threads/{thread_id}/runs/{run_id}/steps}: OpenAI's run steps API. */
@RestController
@RequestMapping("/v1/threads/{threadId}/runs/{runId}/steps")
class RunStepController {

	private final RunService runs;

	private final Blocking blocking;

	RunStepController(RunService runs, Blocking blocking) {
		this.runs = runs;
		this.blocking = blocking;
	}

	@GetMapping
	Mono<ListPage<RunStepView>> list(Caller caller, @PathVariable ThreadId threadId, @PathVariable RunId runId,
			@RequestParam(required = false) @Nullable String limit,
			@RequestParam(required = false) @Nullable String order,
			@RequestParam(required = false) @Nullable String after,
			@RequestParam(required = false) @Nullable String before) {
		ListQuery query = ListQuery.of(limit, order, after, before);
		return this.blocking.call(() -> this.runs.steps(caller, threadId, runId, query));
	}

	@GetMapping("/{stepId}")
	Mono<RunStepView> get(Caller caller, @PathVariable ThreadId threadId, @PathVariable RunId runId,
			@PathVariable String stepId) {
		return this.blocking.call(() -> this.runs.step(caller, threadId, runId, stepId));
	}

}
