package com.threadline.chat.run;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import com.threadline.chat.stream.EventLog;
import com.threadline.chat.stream.StreamProperties;
import com.threadline.chat.support.IntegrationTest;
import com.threadline.chat.support.Script;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-memory event log stays within its byte budget: finished runs make room, a live
 * run is stopped rather than cut, and the heap after a full GC shows it.
 */
@Timeout(600)
class BoundedMemoryTests extends IntegrationTest {

	private static final Logger log = LoggerFactory.getLogger(BoundedMemoryTests.class);

	private static final int RUNS = 400;

	private static final int INSTRUCTIONS = 200_000;

	private static final long MB = 1024 * 1024;

	@Autowired
	private EventLog events;

	@Autowired
	private StreamProperties properties;

	@Test
	void hundredsOfFailingRunsWithHugeInstructionsLeaveTheHeapWithinTheLogsBudget() {
		RunFixtures fixtures = new RunFixtures(this.api, "Heap");
		String assistant = fixtures.assistant();
		this.model.when(request -> true, Script.error(400, "invalid_request_error", "context_length_exceeded",
				"This model's maximum context length is 8192 tokens."));
		Ran first = failingRun(fixtures, assistant, -1);
		long before = usedHeapAfterFullGc();
		try (ExecutorService clients = Executors.newFixedThreadPool(4)) {
			List<Future<?>> runs = IntStream.range(0, RUNS)
				.mapToObj(i -> clients.submit(() -> failingRun(fixtures, assistant, i)))
				.collect(Collectors.toList());
			runs.forEach(BoundedMemoryTests::await);
		}
		this.model.reset();
		long after = usedHeapAfterFullGc();
		long budget = this.properties.maxBytes().toBytes();
		long unbounded = (long) RUNS * 4 * INSTRUCTIONS;
		log.info(
				"Heap after {} runs: {} MB -> {} MB; the event log accounts {} MB of its {} MB budget "
						+ "(unbounded it would hold over {} MB)",
				RUNS, before / MB, after / MB, this.events.bytes() / MB, budget / MB, unbounded / MB);
		assertThat(unbounded).isGreaterThan(2 * budget);
		assertThat(this.events.bytes()).isBetween(budget / 2, budget);
		assertThat(after - before).isLessThan(budget + 64 * MB);
		assertAnEvictedRunResumesAsItsFinalState(fixtures, first.thread(), first.run());
	}

	/**
	 * The first run's events made room for later ones: resuming it from a sequence it
	 * once had gives its final state and {@code done}, numbered afresh.
	 */
	private void assertAnEvictedRunResumesAsItsFinalState(RunFixtures fixtures, String thread, String run) {
		String url = this.api.baseUrl() + "/v1/threads/" + thread + "/runs/" + run + "/events";
		try (EventStream resumed = EventStream.get(url,
				Map.of("Authorization", "Bearer " + fixtures.tenant.apiKey(), "Last-Event-ID", "4"))) {
			List<EventStream.Event> events = resumed.rest();
			assertThat(EventStream.names(events)).containsExactly("thread.run.failed", "done");
			assertThat(events.get(0).id()).isEqualTo("1");
			assertThat(json(events.get(0).data()).at("/last_error/code").asString()).isEqualTo("invalid_prompt");
		}
	}

	@Test
	void aRunWhoseStreamOutgrowsItsLimitFailsAndItsFollowerGetsEveryEvent() {
		RunFixtures fixtures = new RunFixtures(this.api, "Overflow");
		String assistant = fixtures.assistant();
		int chunk = 64_000;
		int chunks = (int) (this.properties.maxRunBytes().toBytes() / chunk) + 50;
		String piece = "y".repeat(chunk);
		this.model.enqueue(Script.text(IntStream.range(0, chunks).mapToObj(i -> piece).toArray(String[]::new)));
		String thread = fixtures.thread("Talk a lot");
		List<EventStream.Event> received;
		try (EventStream stream = fixtures.stream("/v1/threads/" + thread + "/runs",
				Map.of("assistant_id", assistant, "stream", true))) {
			received = stream.rest();
		}
		assertThat(EventStream.names(received)).endsWith("thread.run.failed", "done");
		JsonNode failed = json(received.get(received.size() - 2).data());
		assertThat(failed.at("/last_error/code").asString()).isEqualTo("server_error");
		assertThat(failed.at("/last_error/message").asString()).contains("event stream outgrew the limit");
		long deltas = received.stream().filter(e -> e.event().equals("thread.message.delta")).count();
		assertThat(deltas).isLessThan(chunks);
		JsonNode message = json(received.stream()
			.filter(e -> e.event().equals("thread.message.incomplete"))
			.findFirst()
			.orElseThrow()
			.data());
		assertThat(message.at("/content/0/text/value").asString()).hasSize((int) deltas * chunk);
	}

	/** A run's thread and run ids. */
	private record Ran(String thread, String run) {
	}

	/** Runs a run that fails at the model. */
	private Ran failingRun(RunFixtures fixtures, String assistant, int n) {
		String instructions = (n + ":") + "x".repeat(INSTRUCTIONS - 8);
		Map<String, Object> body = Map.of("assistant_id", assistant, "instructions", instructions, "stream", true,
				"thread", Map.of("messages", List.of(Map.of("role", "user", "content", "hello"))));
		List<EventStream.Event> received;
		try (EventStream stream = fixtures.stream("/v1/threads/runs", body)) {
			received = stream.rest();
		}
		assertThat(EventStream.names(received)).endsWith("thread.run.failed", "done");
		JsonNode failed = json(received.get(received.size() - 2).data());
		assertThat(failed.at("/last_error/code").asString()).isEqualTo("invalid_prompt");
		return new Ran(failed.get("thread_id").asString(), failed.get("id").asString());
	}

	private static void await(Future<?> run) {
		try {
			run.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
		catch (ExecutionException ex) {
			throw new AssertionError(ex.getCause());
		}
	}

	private static JsonNode json(String data) {
		return JsonMapper.shared().readTree(data);
	}

	private static long usedHeapAfterFullGc() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		long used = Long.MAX_VALUE;
		for (int i = 0; i < 4; i++) {
			System.gc();
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
		}
		return used;
	}

}
