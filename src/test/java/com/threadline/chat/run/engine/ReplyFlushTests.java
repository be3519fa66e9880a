package com.threadline.chat.run.engine;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyFlushTests {

	@Test
	void nothingIsDueWithoutNewText() {
		ReplyFlush flush = new ReplyFlush(Duration.ZERO, 10);
		assertThat(flush.due(0)).isFalse();
		flush.written(5);
		assertThat(flush.due(5)).isFalse();
	}

	@Test
	void enoughNewCharactersAreDueAtOnce() {
		ReplyFlush flush = new ReplyFlush(Duration.ofHours(1), 10);
		assertThat(flush.due(9)).isFalse();
		assertThat(flush.due(10)).isTrue();
		flush.written(10);
		assertThat(flush.due(19)).isFalse();
		assertThat(flush.due(20)).isTrue();
	}

	@Test
	void newTextIsDueOnceTheIntervalPassedSinceItCame() throws InterruptedException {
		ReplyFlush flush = new ReplyFlush(Duration.ofMillis(50), 1000);
		assertThat(flush.startedWaiting()).isFalse();
		assertThat(flush.due(3)).isFalse();
		assertThat(flush.startedWaiting()).isTrue();
		assertThat(flush.startedWaiting()).isFalse();
		assertThat(flush.due(5)).isFalse();
		assertThat(flush.startedWaiting()).isFalse();
		Thread.sleep(60);
		assertThat(flush.due(5)).isTrue();
		flush.written(5);
		assertThat(flush.due(5)).isFalse();
		assertThat(flush.due(6)).isFalse();
		assertThat(flush.startedWaiting()).isTrue();
	}

}
