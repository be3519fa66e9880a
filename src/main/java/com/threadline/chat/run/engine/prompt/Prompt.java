package com.threadline.chat.run.engine.prompt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

import com.threadline.chat.llm.ChatMessage;
import com.threadline.chat.run.RunStepView;
import com.threadline.chat.run.RunView;
import com.threadline.chat.thread.MessageView;

/**
 * A run's prompt: its instructions as the system message, then the thread's history
 * (truncated as the run's {@code truncation_strategy} and {@code max_prompt_tokens} say,
 * and never past the model's context as configured), then what the run itself has said
 * and done so far, rebuilt from its steps so that a run resumes the same after
 * {@code requires_action} on any instance. Only the history that can fit is loaded
 * ({@link #window}).
 */
public final class Prompt {

	private Prompt() {
	}

	/**
	 * What of a thread's history a run's prompt can hold at most: the token budget left
	 * after its instructions, and the number of messages its truncation strategy keeps.
	 */
	public record Window(long tokens, int messages) {
	}

	public static Window window(RunView run, long contextTokens) {
		long budget = limit(run, contextTokens);
		if (!run.instructions().isEmpty()) {
			budget -= tokens(List.of(ChatMessage.system(run.instructions())));
		}
		JsonNode strategy = run.truncationStrategy();
		boolean last = strategy.path("type").asString("auto").equals("last_messages")
				&& strategy.path("last_messages").isInt();
		return new Window(Math.max(0, budget),
				last ? Math.max(0, strategy.path("last_messages").asInt()) : Integer.MAX_VALUE);
	}

	/** The run's {@code max_prompt_tokens}, within the model's context. */
	private static long limit(RunView run, long contextTokens) {
		return (run.maxPromptTokens() != null) ? Math.min(run.maxPromptTokens(), contextTokens) : contextTokens;
	}

	/**
	 * The prompt of a run.
	 * @param imageUrls the URL of each image file of the history that resolved
	 * ({@link PromptHistory#imageFiles})
	 */
	public static List<ChatMessage> of(RunView run, List<MessageView> thread, Map<String, String> imageUrls,
			List<RunStepView> steps, long contextTokens) {
		List<ChatMessage> history = new ArrayList<>();
		for (MessageView message : thread) {
			ChatMessage sent = run.id().equals(message.runId()) ? null : PromptHistory.of(message, imageUrls);
			if (sent != null) {
				history.add(sent);
			}
		}
		Map<String, MessageView> replies = thread.stream()
			.filter(message -> run.id().equals(message.runId()))
			.collect(Collectors.toMap(MessageView::id, Function.identity()));
		List<ChatMessage> transcript = Transcript.of(steps, replies);
		List<ChatMessage> prompt = new ArrayList<>();
		if (!run.instructions().isEmpty()) {
			prompt.add(ChatMessage.system(run.instructions()));
		}
		prompt.addAll(truncated(run, history, limit(run, contextTokens) - tokens(prompt) - tokens(transcript)));
		prompt.addAll(transcript);
		return prompt;
	}

	private static List<ChatMessage> truncated(RunView run, List<ChatMessage> history, long budget) {
		List<ChatMessage> kept = history;
		JsonNode strategy = run.truncationStrategy();
		if (strategy.path("type").asString("auto").equals("last_messages") && strategy.path("last_messages").isInt()) {
			int last = strategy.path("last_messages").asInt();
			kept = kept.subList(Math.max(0, kept.size() - last), kept.size());
		}
		int from = 0;
		while (from < kept.size() - 1 && tokens(kept.subList(from, kept.size())) > budget) {
			from++;
		}
		return kept.subList(from, kept.size());
	}

	/**
	 * A rough token count (four characters a token, a fixed estimate per image by its
	 * detail, plus a few per message), enough to keep a prompt within a budget when the
	 * model's tokenizer is unknown. An image's URL is not text: a data URL counts as the
	 * image, not as its characters.
	 */
	public static long tokens(List<ChatMessage> messages) {
		long chars = 0;
		long images = 0;
		for (ChatMessage message : messages) {
			chars += (message.content() != null) ? message.content().length() : 0;
			for (ChatMessage.Part.Image image : message.images()) {
				images += MessageView.imageTokens(image.detail());
			}
			if (message.toolCalls() != null) {
				for (ChatMessage.ToolCall call : message.toolCalls()) {
					chars += call.name().length() + call.arguments().length();
				}
			}
		}
		return chars / 4 + images + 4L * messages.size();
	}

}
