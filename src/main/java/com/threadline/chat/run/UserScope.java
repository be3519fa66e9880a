package com.threadline.chat.run;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import com.threadline.chat.assistant.AssistantView;
import com.threadline.chat.system.ApiException;
import com.threadline.chat.tenant.Caller;

/**
 * What an end user's token may send when it starts a run: it may talk to an assistant,
 * never re-program it. It may send {@code assistant_id}, the thread's {@code messages}
 * and {@code metadata}, {@code additional_messages}, {@code metadata}, {@code stream},
 * and token budgets no larger than the assistant's own. Everything that changes what the
 * model is told, which tools it has, how it samples or how much history it sees is the
 * tenant's (its API key keeps OpenAI's full semantics). An explicit JSON {@code null} is
 * the same as leaving a parameter out.
 */
final class UserScope {

	private UserScope() {
	}

	/** Refuses a user token's create-run that re-programs the assistant. */
	static void check(Caller caller, NewRun run) {
		if (!caller.isUser()) {
			return;
		}
		refuse("model", run.model() != null);
		refuse("instructions", run.instructions() != null);
		refuse("additional_instructions", run.additionalInstructions() != null);
		refuse("tools", present(run.tools()));
		refuse("tool_choice", present(run.toolChoice()));
		refuse("parallel_tool_calls", run.parallelToolCalls() != null);
		refuse("response_format", present(run.responseFormat()));
		refuse("temperature", run.temperature() != null);
		refuse("top_p", run.topP() != null);
		refuse("truncation_strategy", present(run.truncationStrategy()));
	}

	/** The same for create-thread-and-run, whose thread may not bring tool resources. */
	static void check(Caller caller, NewThreadAndRun request) {
		if (!caller.isUser()) {
			return;
		}
		check(caller, request.run());
		refuse("tool_resources", present(request.toolResources()));
		refuse("thread.tool_resources", request.thread() != null && present(request.thread().toolResources()));
	}

	/**
	 * Refuses a user token's token budget above the assistant's own (an assistant without
	 * one leaves a user free to ask for less than unlimited).
	 */
	static void checkBudget(Caller caller, NewRun run, AssistantView assistant) {
		if (!caller.isUser()) {
			return;
		}
		withinOwn("max_prompt_tokens", run.maxPromptTokens(), assistant.maxPromptTokens());
		withinOwn("max_completion_tokens", run.maxCompletionTokens(), assistant.maxCompletionTokens());
	}

	private static void withinOwn(String param, @Nullable Long asked, @Nullable Integer own) {
		if (asked != null && own != null && asked > own) {
			throw ApiException.invalid(param,
					"Invalid '%s': an end user's token may ask for at most the assistant's own %s of %d, but asked for %d."
						.formatted(param, param, own, asked));
		}
	}

	private static void refuse(String param, boolean present) {
		if (present) {
			throw ApiException.invalid(param,
					"Invalid parameter '%s': an end user's token may not set it (it would re-program the assistant); only the tenant's API key may."
						.formatted(param));
		}
	}

	private static boolean present(@Nullable JsonNode node) {
		return node != null && !node.isNull();
	}

}
