package com.threadline.chat.stream;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class InMemoryEventLogTests {

	private final InMemoryEventLog log = new InMemoryEventLog(
			new StreamProperties("memory", 100, Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofSeconds(15),
					DataSize.ofMegabytes(1), DataSize.ofMegabytes(8)));

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
	void keepsEveryEventOfALiveStreamAndAsksItsProducerToStopPastTheEventLimit() {
		for (int i = 0; i < 100; i++) {
			this.log.append("s", "e", Integer.toString(i));
		}
		assertThat(this.log.room("s")).isEqualTo(EventLog.Room.AVAILABLE);
		for (int i = 100; i < 150; i++) {
			this.log.append("s", "e", Integer.toString(i));
		}
		assertThat(this.log.room("s")).isEqualTo(EventLog.Room.STREAM_FULL);
		StepVerifier.create(this.log.follow("s", 0).map(LoggedEvent::seq).take(150))
			.expectNextSequence(java.util.stream.LongStream.rangeClosed(1, 150).boxed().toList())
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void refusesAppendsFarPastTheStreamsByteLimit() {
		InMemoryEventLog log = log(1, 64);
		String kilobyte = "x".repeat(600); // 687 bytes framed
		assertThat(log.append("s", "e", kilobyte)).isEqualTo(1);
		assertThat(log.append("s", "e", kilobyte)).isEqualTo(2);
		assertThat(log.room("s")).isEqualTo(EventLog.Room.STREAM_FULL);
		assertThat(log.append("s", "e", kilobyte)).isEqualTo(3);
		assertThat(log.append("s", "e", kilobyte)).isEqualTo(4);
		assertThatExceptionOfType(EventLog.Full.class).isThrownBy(() -> log.append("s", "e", kilobyte));
		assertThat(log.lastSeq("s")).isEqualTo(4);
	}

	@Test
	void accountsTheFramedBytesOfEveryStream() {
		InMemoryEventLog log = log(64, 1024);
		log.append("a", "thread.message.delta", "{\"v\":\"瓜\"}");
		log.append("b", "done", "[DONE]");
		assertThat(log.bytes()).isEqualTo(SseFraming.accountedSize(1, "thread.message.delta", "{\"v\":\"瓜\"}")
				+ SseFraming.accountedSize(1, "done", "[DONE]"));
	}

	@Test
	void dropsCompletedStreamsOldestFirstWhenOverBudgetAndNeverALiveOne() {
		InMemoryEventLog log = log(200, 200);
		String kilobyte = "x".repeat(1000);
		for (String id : new String[] { "old", "newer", "live" }) {
			for (int i = 0; i < 40; i++) {
				log.append(id, "e", kilobyte);
			}
			if (!id.equals("live")) {
				log.complete(id);
			}
		}
		assertThat(log.contains("old")).isTrue();
		for (int i = 0; i < 70; i++) {
			log.append("live", "e", kilobyte);
		}
		assertThat(log.contains("old")).isFalse();
		assertThat(log.contains("newer")).isTrue();
		assertThat(log.bytes()).isLessThanOrEqualTo(200 * 1024);
		for (int i = 0; i < 90; i++) {
			log.append("live", "e", kilobyte);
		}
		assertThat(log.contains("newer")).isFalse();
		assertThat(log.lastSeq("live")).isEqualTo(200);
		assertThat(log.room("live")).isEqualTo(EventLog.Room.STREAM_FULL);
		assertThat(log.room("other")).isEqualTo(EventLog.Room.LOG_FULL);
	}

	@Test
	void tellsAFollowerOfADroppedStreamThatItsEventsAreGone() {
		InMemoryEventLog log = log(64, 64);
		String kilobyte = "x".repeat(1000);
		for (int i = 0; i < 30; i++) {
			log.append("done", "e", kilobyte);
		}
		log.complete("done");
		StepVerifier.create(log.follow("done", 0), 1).expectNextCount(1).then(() -> {
			for (int i = 0; i < 60; i++) {
				log.append("live", "e", kilobyte);
			}
		}).thenRequest(100).expectError(EventLog.Evicted.class).verify(Duration.ofSeconds(5));
		assertThat(log.contains("done")).isFalse();
	}

	private static InMemoryEventLog log(int maxRunKilobytes, int maxKilobytes) {
		return new InMemoryEventLog(new StreamProperties("memory", 100_000, Duration.ofMinutes(10), Duration.ofHours(1),
				Duration.ofSeconds(15), DataSize.ofKilobytes(maxRunKilobytes), DataSize.ofKilobytes(maxKilobytes)));
	}

	@Test
	void dropsCompletedStreamsAfterTheRetention() {
		InMemoryEventLog shortLived = new InMemoryEventLog(new StreamProperties("memory", 10, Duration.ZERO,
				Duration.ofHours(1), Duration.ofSeconds(15), DataSize.ofMegabytes(1), DataSize.ofMegabytes(8)));
		shortLived.append("done", "e", "x");
		shortLived.complete("done");
		shortLived.append("open", "e", "y");
		shortLived.evict();
		assertThat(shortLived.contains("done")).isFalse();
		assertThat(shortLived.contains("open")).isTrue();
		assertThat(shortLived.lastSeq("open")).isEqualTo(1);
	}

}
