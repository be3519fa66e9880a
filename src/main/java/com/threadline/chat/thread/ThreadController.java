package com.threadline.chat.thread;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.threadline.chat.system.ListPage;
import com.threadline.chat.system.ListQuery;
import com.threadline.chat.tenant.Caller;
import com.threadline.chat.tenant.context.Blocking;

/** {@code /v1/threads}: OpenAI's threads API, plus listing one's own threads. */
@RestController
@RequestMapping("/v1/threads")
class ThreadController {

	private final ThreadService threads;

	private final Blocking blocking;

	ThreadController(ThreadService threads, Blocking blocking) {
		this.threads = threads;
		this.blocking = blocking;
	}

	record CreateThread(@Nullable List<NewMessage> messages, @Nullable Map<String, String> metadata,
			@Nullable JsonNode toolResources, @Nullable String user) {
	}

	record ModifyThread(@Nullable Map<String, String> metadata, @Nullable JsonNode toolResources) {
	}

	record Deleted(String id, String object, boolean deleted) {
	}

	@PostMapping
	Mono<ThreadView> create(Caller caller, @RequestBody(required = false) @Nullable CreateThread request) {
		CreateThread body = (request != null) ? request : new CreateThread(null, null, null, null);
		return this.blocking.call(
				() -> this.threads.create(caller, body.user(), body.metadata(), body.toolResources(), body.messages()));
	}

	@GetMapping
	Mono<ListPage<ThreadView>> list(Caller caller, @RequestParam(required = false) @Nullable String user,
			@RequestParam(required = false) @Nullable String limit,
			@RequestParam(required = false) @Nullable String order,
			@RequestParam(required = false) @Nullable String after,
			@RequestParam(required = false) @Nullable String before) {
		ListQuery query = ListQuery.of(limit, order, after, before);
		return this.blocking.call(() -> this.threads.list(caller, user, query));
	}

	@GetMapping("/{threadId}")
	Mono<ThreadView> get(Caller caller, @PathVariable ThreadId threadId) {
		return this.blocking.call(() -> this.threads.find(caller, threadId));
	}

	@PostMapping("/{threadId}")
	Mono<ThreadView> modify(Caller caller, @PathVariable ThreadId threadId, @RequestBody ModifyThread request) {
		return this.blocking
			.call(() -> this.threads.modify(caller, threadId, request.metadata(), request.toolResources()));
	}

	@DeleteMapping("/{threadId}")
	Mono<Deleted> delete(Caller caller, @PathVariable ThreadId threadId) {
		return this.blocking.call(() -> {
			this.threads.delete(caller, threadId);
			return new Deleted(threadId.value(), "thread.deleted", true);
		});
	}

}
