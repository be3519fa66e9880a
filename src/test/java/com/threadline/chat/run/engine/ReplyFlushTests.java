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
		assertThat(flush.wait(0)).isEqualTo(Duration.ofMillis(50).toNanos());
		assertThat(flush.due(3)).isFalse();
		assertThat(flush.wait(3)).isPositive().isLessThanOrEqualTo(Duration.ofMillis(50).toNanos());
		Thread.sleep(60);
		assertThat(flush.wait(3)).isZero();
		assertThat(flush.due(3)).isTrue();
		flush.written(3);
		assertThat(flush.wait(3)).isEqualTo(Duration.ofMillis(50).toNanos());
	}

}
