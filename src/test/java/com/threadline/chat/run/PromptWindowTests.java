package com.threadline.chat.run;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.threadline.chat.support.IntegrationTest;
import com.threadline.chat.support.Script;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run's prompt holds the newest history that fits its token budget (its
 * {@code max_prompt_tokens}, never more than the model's context), and only that is read
 * from the database.
 */
@Timeout(60)
class PromptWindowTests extends IntegrationTest {

	private RunFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new RunFixtures(this.api, "Window");
	}

	@Test
	void sendsTheNewestMessagesThatFitMaxPromptTokens() {
		String assistant = this.fixtures.assistant();
		String[] messages = IntStream.rangeClosed(1, 10)
			.mapToObj(i -> "m" + i + " " + "x".repeat(397))
			.toArray(String[]::new);
		String thread = this.fixtures.thread(messages);
		this.model.enqueue(Script.text("Ok."));
		String run = this.fixtures.run(thread, Map.of("assistant_id", assistant, "max_prompt_tokens", 256))
			.get("id")
			.asString();
		this.fixtures.awaitRun(thread, run);
		// "Be brief." is 6 tokens, each message 104 (400 characters, plus 4): two fit in
		// 250.
		assertThat(contents()).containsExactly("system:Be brief.", "user:" + messages[8], "user:" + messages[9]);
	}

	@Test
	void cutsALongThreadToTheModelsContextWithoutMaxPromptTokens() {
		String assistant = this.fixtures.assistant();
		String[] messages = IntStream.rangeClosed(1, 3)
			.mapToObj(i -> "m" + i + " " + "y".repeat(249_997))
			.toArray(String[]::new);
		String thread = this.fixtures.thread(messages);
		this.model.enqueue(Script.text("Ok."));
		String run = this.fixtures.run(thread, Map.of("assistant_id", assistant)).get("id").asString();
		this.fixtures.awaitRun(thread, run);
		// Each message is 62,504 tokens: two fit in the default context of 128,000.
		assertThat(contents()).containsExactly("system:Be brief.", "user:" + messages[1], "user:" + messages[2]);
	}

	private List<String> contents() {
		return this.model.lastRequest()
			.messages()
			.stream()
			.map(m -> m.get("role").asString() + ":" + m.get("content").asString())
			.toList();
	}

}
