package com.threadline.chat.stream;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryEventLogTests {

	private final InMemoryEventLog log = new InMemoryEventLog(
			new StreamProperties("memory", 100, Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofSeconds(15)));

	@Test
	void replaysThenFollowsLiveUntilComplete() {
		this.log.append("s", "a", "1");
		this.log.append("s", "b", "2");
		StepVerifier.create(this.log.follow("s", 0))
			.assertNext(e -> assertThat(e).isEqualTo(new LoggedEvent(1, "a", "1")))
			.assertNext(e -> assertThat(e.seq()).isEqualTo(2))
			.then(() -> this.log.append("s", "c", "3"))
			.assertNext(e -> assertThat(e).isEqualTo(new LoggedEvent(3, "c", "3")))
			.then(() -> this.log.complete("s"))
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void followsFromAGivenSequence() {
		for (int i = 1; i <= 5; i++) {
			this.log.append("s", "e", Integer.toString(i));
		}
		this.log.complete("s");
		StepVerifier.create(this.log.follow("s", 3).map(LoggedEvent::seq))
			.expectNext(4L, 5L)
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void waitsForAStreamThatDoesNotExistYet() {
		StepVerifier.create(this.log.follow("later", 0).map(LoggedEvent::data)).expectSubscription().then(() -> {
			this.log.append("later", "e", "x");
			this.log.complete("later");
		}).expectNext("x").expectComplete().verify(Duration.ofSeconds(5));
	}

	@Test
	void aSlowReaderNeverHoldsUpTheProducer() {
		StepVerifier.create(this.log.follow("s", 0), 1).then(() -> {
			for (int i = 0; i < 90; i++) {
				this.log.append("s", "e", Integer.toString(i));
			}
			this.log.complete("s");
		})
			.assertNext(e -> assertThat(e.data()).isEqualTo("0"))
			.thenRequest(Long.MAX_VALUE)
			.expectNextCount(89)
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		assertThat(this.log.lastSeq("s")).isEqualTo(90);
	}

	@Test
	void keepsABoundedNumberOfEventsAndSaysWhenSomeAreGone() {
		for (int i = 0; i < 250; i++) {
			this.log.append("s", "e", Integer.toString(i));
		}
		StepVerifier.create(this.log.follow("s", 150).map(LoggedEvent::seq).take(2))
			.expectNext(151L, 152L)
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		StepVerifier.create(this.log.follow("s", 10)).expectError(EventLog.Evicted.class).verify(Duration.ofSeconds(5));
	}

	@Test
	void dropsCompletedStreamsAfterTheRetention() {
		InMemoryEventLog shortLived = new InMemoryEventLog(
				new StreamProperties("memory", 10, Duration.ZERO, Duration.ofHours(1), Duration.ofSeconds(15)));
		shortLived.append("done", "e", "x");
		shortLived.complete("done");
		shortLived.append("open", "e", "y");
		shortLived.evict();
		assertThat(shortLived.contains("done")).isFalse();
		assertThat(shortLived.contains("open")).isTrue();
		assertThat(shortLived.lastSeq("open")).isEqualTo(1);
	}

}
