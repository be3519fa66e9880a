package com.threadline.chat.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertySource;

import org.springframework.test.context.DynamicPropertyRegistry;

import com.threadline.chat.support.Api;
import com.threadline.chat.support.IntegrationTest;
import com.threadline.chat.support.Script;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmarks of the run engine over real HTTP against the fake model (which streams
 * without delay, so the figures are our own overhead). Not part of {@code ./mvnw verify};
 * run with {@code ./mvnw -Pbenchmark test}. Machines are shared and noisy: read the
 * ratios, which are measured in one run with the cases interleaved, more than the
 * absolute times. The table goes to standard output and {@code target/benchmark.md}.
 */
@Tag("benchmark")
class RunBenchmarkTests extends IntegrationTest {

	private static final int ROUNDS = 15;

	private static final int WARMUP = 3;

	private final List<String> table = new ArrayList<>();

	/**
	 * The benchmark measures the engine, not the limits: its one client address and its
	 * tenant may go far past the defaults (the limit checks themselves still run).
	 */
	@DynamicPropertySource
	static void unlimited(DynamicPropertyRegistry registry) {
		registry.add("chat.limits.requests-per-second-per-ip", () -> "1000000");
	}

	@Test
	void measure() throws Exception {
		RunFixtures fixtures = new RunFixtures(this.api, "Benchmark");
		Api.post(this.api.admin(), "/admin/tenants/" + fixtures.tenant.id() + "/limits", Map
			.of("requests_per_second_per_key", 1000000, "streams_per_tenant", 100000, "active_runs_per_tenant", 100000),
				200);
		String assistant = fixtures.assistant();
		this.table.add("| case | median | min | max | ratio (median of per-round ratios) |");
		this.table.add("|---|---|---|---|---|");
		replyLength(fixtures, assistant);
		fanOut(fixtures, assistant);
		concurrency(fixtures, assistant);
		String report = String.join("\n", this.table) + "\n";
		System.out.println(report);
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target", "benchmark.md"), report);
	}

	/**
	 * One streamed run from POST to {@code done}: a 10-delta reply against a 1,000-delta
	 * reply.
	 */
	private void replyLength(RunFixtures fixtures, String assistant) {
		pair("streamed run, 10 deltas", "streamed run, 1,000 deltas", () -> streamedRun(fixtures, assistant, 10),
				() -> streamedRun(fixtures, assistant, 1000));
	}

	/**
	 * A 1,000-delta run's events delivered to 1 follower against 50 followers of the
	 * events endpoint.
	 */
	private void fanOut(RunFixtures fixtures, String assistant) {
		pair("1 follower, 1,000-delta run", "50 followers, 1,000-delta run", () -> followed(fixtures, assistant, 1),
				() -> followed(fixtures, assistant, 50));
	}

	/**
	 * One streamed run against 20 concurrent streamed runs (200 deltas each), wall time
	 * for all of them.
	 */
	private void concurrency(RunFixtures fixtures, String assistant) {
		pair("1 streamed run, 200 deltas", "20 concurrent streamed runs, 200 deltas",
				() -> concurrent(fixtures, assistant, 1), () -> concurrent(fixtures, assistant, 20));
	}

	private long streamedRun(RunFixtures fixtures, String assistant, int deltas) {
		String thread = fixtures.thread("bench");
		answer(Script.text(chunks(deltas)));
		long start = System.nanoTime();
		try (EventStream stream = fixtures.stream("/v1/threads/" + thread + "/runs",
				Map.of("assistant_id", assistant, "stream", true))) {
			List<EventStream.Event> events = stream.rest();
			assertThat(events.getLast().event()).isEqualTo("done");
			assertThat(events).filteredOn(e -> e.event().equals("thread.message.delta")).hasSize(deltas);
		}
		return System.nanoTime() - start;
	}

	private long followed(RunFixtures fixtures, String assistant, int followers) throws Exception {
		String thread = fixtures.thread("bench");
		answer(Script.text(chunks(1000)));
		String run = fixtures.run(thread, Map.of("assistant_id", assistant)).get("id").asString();
		String url = this.api.baseUrl() + "/v1/threads/" + thread + "/runs/" + run + "/events";
		List<Callable<Integer>> readers = Collections.nCopies(followers, () -> {
			try (EventStream stream = EventStream.get(url,
					Map.of("Authorization", "Bearer " + fixtures.tenant.apiKey()))) {
				return stream.rest().size();
			}
		});
		long start = System.nanoTime();
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (Future<Integer> read : pool.invokeAll(readers)) {
				assertThat(read.get()).isGreaterThan(1000);
			}
		}
		return System.nanoTime() - start;
	}

	private long concurrent(RunFixtures fixtures, String assistant, int runs) throws Exception {
		List<String> threads = new ArrayList<>();
		for (int i = 0; i < runs; i++) {
			threads.add(fixtures.thread("bench"));
		}
		answer(Script.text(chunks(200)));
		List<Callable<Integer>> streams = threads.stream().<Callable<Integer>>map(thread -> () -> {
			try (EventStream stream = fixtures.stream("/v1/threads/" + thread + "/runs",
					Map.of("assistant_id", assistant, "stream", true))) {
				return stream.rest().size();
			}
		}).toList();
		long start = System.nanoTime();
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (Future<Integer> stream : pool.invokeAll(streams)) {
				assertThat(stream.get()).isGreaterThan(200);
			}
		}
		return System.nanoTime() - start;
	}

	/** From now on the model answers every request with {@code script}. */
	private void answer(Script script) {
		this.model.reset();
		this.model.when(request -> true, script);
	}

	/**
	 * Runs A and B alternately, warm-up first, and adds their medians and the median A/B
	 * ratio to the table.
	 */
	private void pair(String nameA, String nameB, ThrowingTimer a, ThrowingTimer b) {
		List<Long> timesA = new ArrayList<>();
		List<Long> timesB = new ArrayList<>();
		List<Double> ratios = new ArrayList<>();
		for (int round = 0; round < WARMUP + ROUNDS; round++) {
			long timeA = a.time();
			long timeB = b.time();
			if (round >= WARMUP) {
				timesA.add(timeA);
				timesB.add(timeB);
				ratios.add((double) timeB / timeA);
			}
		}
		this.table.add(row(nameA, timesA, "1.00"));
		this.table.add(row(nameB, timesB, "%.2f".formatted(median(ratios))));
	}

	private static String row(String name, List<Long> nanos, String ratio) {
		List<Long> sorted = nanos.stream().sorted().toList();
		return "| %s | %.1f ms | %.1f ms | %.1f ms | %s |".formatted(name, sorted.get(sorted.size() / 2) / 1e6,
				sorted.getFirst() / 1e6, sorted.getLast() / 1e6, ratio);
	}

	private static double median(List<Double> values) {
		return values.stream().sorted().toList().get(values.size() / 2);
	}

	private static String[] chunks(int count) {
		String[] chunks = new String[count];
		for (int i = 0; i < count; i++) {
			chunks[i] = "tok" + i + " ";
		}
		return chunks;
	}

	@FunctionalInterface
	private interface ThrowingTimer {

		long timeOnce() throws Exception;

		default long time() {
			try {
				return timeOnce();
			}
			catch (Exception ex) {
				throw new AssertionError(ex);
			}
		}

	}

}
