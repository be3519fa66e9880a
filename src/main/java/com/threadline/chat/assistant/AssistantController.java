package com.threadline.chat.assistant;

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

/** {@code /v1/assistants}: OpenAI's assistants API, v2 shapes. */
@RestController
@RequestMapping("/v1/assistants")
class AssistantController {

	private final AssistantService assistants;

	private final Blocking blocking;

	AssistantController(AssistantService assistants, Blocking blocking) {
		this.assistants = assistants;
		this.blocking = blocking;
	}

	record AssistantRequest(@Nullable String model, @Nullable String name, @Nullable String description,
			@Nullable String instructions, @Nullable JsonNode tools, @Nullable JsonNode toolResources,
			@Nullable Map<String, String> metadata, @Nullable Double temperature, @Nullable Double topP,
			@Nullable JsonNode responseFormat, @Nullable JsonNode serverTools, @Nullable Long maxPromptTokens,
			@Nullable Long maxCompletionTokens) {

		AssistantService.Changes changes() {
			return new AssistantService.Changes(this.model, this.name, this.description, this.instructions, this.tools,
					this.toolResources, this.metadata, this.temperature, this.topP, this.responseFormat,
					this.serverTools, this.maxPromptTokens, this.maxCompletionTokens);
		}

	}

	record Deleted(String id, String object, boolean deleted) {
	}

	@PostMapping
	Mono<AssistantView> create(Caller caller, @RequestBody AssistantRequest request) {
		return this.blocking.call(() -> this.assistants.create(caller.tenant(), request.changes()));
	}

	@GetMapping
	Mono<ListPage<AssistantView>> list(Caller caller, @RequestParam(required = false) @Nullable String limit,
			@RequestParam(required = false) @Nullable String order,
			@RequestParam(required = false) @Nullable String after,
			@RequestParam(required = false) @Nullable String before) {
		ListQuery query = ListQuery.of(limit, order, after, before);
		return this.blocking.call(() -> this.assistants.list(caller.tenant(), query));
	}

	@GetMapping("/{assistantId}")
	Mono<AssistantView> get(Caller caller, @PathVariable AssistantId assistantId) {
		return this.blocking.call(() -> this.assistants.find(caller.tenant(), assistantId));
	}

	@PostMapping("/{assistantId}")
	Mono<AssistantView> modify(Caller caller, @PathVariable AssistantId assistantId,
			@RequestBody AssistantRequest request) {
		return this.blocking.call(() -> this.assistants.modify(caller.tenant(), assistantId, request.changes()));
	}

	@DeleteMapping("/{assistantId}")
	Mono<Deleted> delete(Caller caller, @PathVariable AssistantId assistantId) {
		return this.blocking.call(() -> {
			this.assistants.delete(caller.tenant(), assistantId);
			return new Deleted(assistantId.value(), "assistant.deleted", true);
		});
	}

}
