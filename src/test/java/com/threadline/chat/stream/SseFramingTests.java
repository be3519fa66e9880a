package com.threadline.chat.stream;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class SseFramingTests {

	private static final Flux<LoggedEvent> RUN = Flux.just(new LoggedEvent(1, "thread.run.created", "{\"id\":1}"),
			new LoggedEvent(2, "thread.message.delta", "{\"v\":\"a\"}"), new LoggedEvent(3, "done", "[DONE]"));

	private final SseFraming framing = new SseFraming(new StreamProperties("memory", 10, Duration.ofMinutes(1),
			Duration.ofHours(1), Duration.ofMillis(50), DataSize.ofMegabytes(1), DataSize.ofMegabytes(8)));

	@Test
	void framesAsOpenAiDidWithoutIdsOrComments() {
		String bytes = String.join("", SseFraming.openAiFrames(RUN, Set.of()).collectList().block());
		assertThat(bytes).isEqualTo("""
				event: thread.run.created
				data: {"id":1}

				event: thread.message.delta
				data: {"v":"a"}

				event: done
				data: [DONE]

				""");
	}

	@Test
	void endsAfterAPauseWithDoneOfItsOwn() {
		Flux<LoggedEvent> paused = Flux.concat(
				Flux.just(new LoggedEvent(7, "thread.run.requires_action", "{}"), new LoggedEvent(8, "x", "{}")),
				Flux.never());
		String bytes = String.join("",
				SseFraming.openAiFrames(paused, Set.of("thread.run.requires_action")).collectList().block());
		assertThat(bytes).isEqualTo("event: thread.run.requires_action\ndata: {}\n\nevent: done\ndata: [DONE]\n\n");
	}

	@Test
	void turnsAFailureAfterTheStartIntoErrorThenDone() {
		Flux<LoggedEvent> failing = Flux.concat(Flux.just(new LoggedEvent(1, "a", "{}")),
				Flux.error(new EventLog.Evicted("s", 0)));
		String bytes = String.join("", SseFraming.openAiFrames(failing, Set.of()).collectList().block());
		assertThat(bytes).startsWith("event: a\ndata: {}\n\nevent: error\ndata: {\"code\":\"server_error\",")
			.endsWith("\"type\":\"server_error\"}\n\nevent: done\ndata: [DONE]\n\n");
	}

	@Test
	void framesResumableStreamsWithIdsAndKeepAlives() {
		Sinks.Many<LoggedEvent> live = Sinks.many().unicast().onBackpressureBuffer();
		StepVerifier.create(this.framing.resumableFrames(live.asFlux()))
			.then(() -> live.tryEmitNext(new LoggedEvent(41, "thread.message.delta", "{}")))
			.expectNext("id: 41\nevent: thread.message.delta\ndata: {}\n\n")
			.expectNext(": keep-alive\n\n")
			.then(() -> live.tryEmitNext(new LoggedEvent(42, "done", "[DONE]")))
			.thenConsumeWhile(": keep-alive\n\n"::equals)
			.expectNext("id: 42\nevent: done\ndata: [DONE]\n\n")
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void splitsMultiLineDataIntoDataLines() {
		assertThat(SseFraming.frame(null, "e", "a\nb")).isEqualTo("event: e\ndata: a\ndata: b\n\n");
	}

	@Test
	void accountsAnEventAsItsResumableFrameInUtf8PlusItsBookkeeping() {
		String data = "{\"v\":\"瓜瓜 é 😀\"}\nsecond line";
		long frameBytes = SseFraming.frame("12345", "thread.message.delta", data)
			.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
		assertThat(SseFraming.accountedSize(12345, "thread.message.delta", data)).isEqualTo(frameBytes + 64);
	}

}
