package com.threadline.chat.tool.code;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figures of docs/code-interpreter.md ({@code ./mvnw -Pbenchmark test
 * -Dtest=CodeInterpreterBenchmarkTests}): warm call, a thread's first call from the pool,
 * a first call without the pool, and an idle session's memory. Medians of several rounds.
 */
@Tag("benchmark")
class CodeInterpreterBenchmarkTests {

	private static final int ROUNDS = 9;

	@Test
	void measuresLatencyAndMemory() throws Exception {
		try (Sandboxes sandbox = new Sandboxes(Map.of("pool-size", "2"))) {
			assertThat(sandbox.tool.unavailable()).isEmpty();
			sandbox.run("t", "warm", "print(1 + 1)");
			double warm = median(() -> time(() -> sandbox.run("t", "warm", "print(1 + 1)")));
			List<Double> pooled = new ArrayList<>();
			for (int i = 0; i < ROUNDS; i++) {
				waitForPool(sandbox);
				String thread = "pooled-" + i;
				pooled.add(time(() -> sandbox.run("t", thread, "print(1 + 1)")));
			}
			double cold = median(() -> time(() -> sandbox.pool.retire(sandbox.pool.startOne())));
			List<Double> rss = new ArrayList<>();
			sandbox.sessions.call(new Sessions.Key("t", "warm"),
					session -> rss.add(session.interpreter().residentBytes() / 1024.0 / 1024.0));
			System.out.printf(
					"code_interpreter benchmark: warm call %.1f ms, first call from the pool %.1f ms, "
							+ "first call without the pool (spawn + imports) %.1f ms, idle session RSS %.1f MB%n",
					warm, median(pooled), cold, rss.get(0));
		}
	}

	private static void waitForPool(Sandboxes sandbox) throws InterruptedException {
		long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (sandbox.pool.waiting() < 2 && System.nanoTime() < until) {
			Thread.sleep(50);
		}
	}

	private static double time(Runnable work) {
		long start = System.nanoTime();
		work.run();
		return (System.nanoTime() - start) / 1e6;
	}

	private static double median(Supplier<Double> round) {
		List<Double> times = new ArrayList<>();
		for (int i = 0; i < ROUNDS; i++) {
			times.add(round.get());
		}
		return median(times);
	}

	private static double median(List<Double> times) {
		List<Double> sorted = times.stream().sorted().toList();
		return sorted.get(sorted.size() / 2);
	}

}
