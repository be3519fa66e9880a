package com.threadline.chat.assistant;

import java.util.List;

import org.springframework.stereotype.Component;

import com.threadline.chat.system.ApiException;

/**
 * The assistant's fields OpenAI never had, validated and applied: {@code server_tools}
 * and its own token budgets {@code max_prompt_tokens} / {@code max_completion_tokens}
 * (the defaults of its runs, and the most an end user's token may ask for).
 */
@Component
class AssistantExtensions {

	private final ServerTools serverTools;

	AssistantExtensions(ServerTools serverTools) {
		this.serverTools = serverTools;
	}

	/** Applies the extension fields {@code changes} carries; {@code null} leaves one. */
	void apply(Assistant assistant, AssistantService.Changes changes) {
		List<String> enabled = this.serverTools.checked(changes.serverTools(), "server_tools");
		if (enabled != null) {
			assistant.serverTools = enabled.toArray(String[]::new);
		}
		if (changes.maxPromptTokens() != null) {
			assistant.maxPromptTokens = tokens(changes.maxPromptTokens(), "max_prompt_tokens");
		}
		if (changes.maxCompletionTokens() != null) {
			assistant.maxCompletionTokens = tokens(changes.maxCompletionTokens(), "max_completion_tokens");
		}
	}

	/** A token budget as runs take it (OpenAI's minimum of 256). */
	private static int tokens(long value, String param) {
		if (value < 256 || value > Integer.MAX_VALUE) {
			throw ApiException.invalid(param, "Invalid '%s': expected an integer from 256 to %d, but got %d instead."
				.formatted(param, Integer.MAX_VALUE, value));
		}
		return (int) value;
	}

}
