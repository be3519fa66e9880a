package com.threadline.chat.thread;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

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

/** {@code /v1/threads/{thread_id}/messages}: OpenAI's messages API. */
@RestController
@RequestMapping("/v1/threads/{threadId}/messages")
class MessageController {

	private final MessageService messages;

	private final Blocking blocking;

	MessageController(MessageService messages, Blocking blocking) {
		this.messages = messages;
		this.blocking = blocking;
	}

	record ModifyMessage(@Nullable Map<String, String> metadata) {
	}

	record Deleted(String id, String object, boolean deleted) {
	}

	@PostMapping
	Mono<MessageView> create(Caller caller, @PathVariable ThreadId threadId, @RequestBody NewMessage request) {
		return this.blocking.call(() -> this.messages.create(caller, threadId, request));
	}

	@GetMapping
	Mono<ListPage<MessageView>> list(Caller caller, @PathVariable ThreadId threadId,
			@RequestParam(required = false) @Nullable String limit,
			@RequestParam(required = false) @Nullable String order,
			@RequestParam(required = false) @Nullable String after,
			@RequestParam(required = false) @Nullable String before,
			@RequestParam(name = "run_id", required = false) @Nullable String runId) {
		ListQuery query = ListQuery.of(limit, order, after, before);
		return this.blocking.call(() -> this.messages.list(caller, threadId, runId, query));
	}

	@GetMapping("/{messageId}")
	Mono<MessageView> get(Caller caller, @PathVariable ThreadId threadId, @PathVariable String messageId) {
		return this.blocking.call(() -> this.messages.find(caller, threadId, messageId));
	}

	@PostMapping("/{messageId}")
	Mono<MessageView> modify(Caller caller, @PathVariable ThreadId threadId, @PathVariable String messageId,
			@RequestBody ModifyMessage request) {
		return this.blocking.call(() -> this.messages.modify(caller, threadId, messageId, request.metadata()));
	}

	@DeleteMapping("/{messageId}")
	Mono<Deleted> delete(Caller caller, @PathVariable ThreadId threadId, @PathVariable String messageId) {
		return this.blocking.call(() -> {
			this.messages.delete(caller, threadId, messageId);
			return new Deleted(messageId, "thread.message.deleted", true);
		});
	}

}
