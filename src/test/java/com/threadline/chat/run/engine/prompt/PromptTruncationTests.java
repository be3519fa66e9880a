package com.threadline.chat.run.engine.prompt;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import com.threadline.chat.llm.ChatMessage;
import com.threadline.chat.run.RunView;
import com.threadline.chat.thread.MessageView;

import static org.assertj.core.api.Assertions.assertThat;

/** How much of a thread's history a run's prompt keeps: truncation and token budgets. */
class PromptTruncationTests {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static RunView run(String instructions, @Nullable Integer maxPromptTokens, JsonNode truncation) {
		return new RunView("run_1", "thread.run", 0, "thread_1", "asst_1", "in_progress", null, null, null, null, null,
				null, null, null, "gpt-test", instructions, NODES.arrayNode(), Map.of(), null, null, null,
				maxPromptTokens, null, truncation, NODES.stringNode("auto"), NODES.stringNode("auto"), true, List.of());
	}

	private static JsonNode lastMessages(int count) {
		return NODES.objectNode().put("type", "last_messages").put("last_messages", count);
	}

	private static MessageView message(int i, String text) {
		JsonNode content = NODES.arrayNode()
			.add(NODES.objectNode()
				.put("type", "text")
				.set("text", NODES.objectNode().put("value", text).set("annotations", NODES.arrayNode())));
		return new MessageView("msg_" + i, "thread.message", i, "thread_1", "completed", null, null, null, "user",
				content, null, null, NODES.arrayNode(), Map.of());
	}

	private static List<MessageView> thread(int size) {
		return java.util.stream.IntStream.range(0, size).mapToObj(i -> message(i, "message " + i)).toList();
	}

	@Test
	void lastMessagesKeepsOnlyTheNewestMessages() {
		List<ChatMessage> prompt = Prompt.of(run("", null, lastMessages(2)), thread(5), Map.of(), List.of(), 128_000);
		assertThat(prompt).extracting(ChatMessage::content).containsExactly("message 3", "message 4");
	}

	@Test
	void theWindowLoadsOnlyWhatTheStrategyAndBudgetCanHold() {
		Prompt.Window window = Prompt.window(run("", 1000, lastMessages(3)), 128_000);
		assertThat(window.messages()).isEqualTo(3);
		assertThat(window.tokens()).isEqualTo(1000);
		Prompt.Window auto = Prompt.window(run("x".repeat(400), null, NODES.objectNode().put("type", "auto")), 2000);
		assertThat(auto.messages()).isEqualTo(Integer.MAX_VALUE);
		assertThat(auto.tokens()).isEqualTo(2000 - (100 + 4));
	}

	@Test
	void maxPromptTokensDropsTheOldestMessagesFirstButKeepsTheNewest() {
		List<MessageView> thread = List.of(message(0, "a".repeat(400)), message(1, "b".repeat(40)),
				message(2, "c".repeat(40)));
		List<ChatMessage> prompt = Prompt.of(run("", 40, NODES.objectNode().put("type", "auto")), thread, Map.of(),
				List.of(), 128_000);
		assertThat(prompt).extracting(ChatMessage::content).containsExactly("b".repeat(40), "c".repeat(40));
		List<ChatMessage> tiny = Prompt.of(run("", 1, NODES.objectNode().put("type", "auto")), thread, Map.of(),
				List.of(), 128_000);
		assertThat(tiny).extracting(ChatMessage::content).containsExactly("c".repeat(40));
	}

	@Test
	void instructionsComeFirstAsTheSystemMessage() {
		List<ChatMessage> prompt = Prompt.of(run("Be brief.", null, lastMessages(1)), thread(3), Map.of(), List.of(),
				128_000);
		assertThat(prompt).extracting(ChatMessage::role).containsExactly("system", "user");
		assertThat(prompt.get(0).content()).isEqualTo("Be brief.");
	}

}
