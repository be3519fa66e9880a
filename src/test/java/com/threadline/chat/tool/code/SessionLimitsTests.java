package com.threadline.chat.tool.code;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.threadline.chat.tool.ToolResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions are bounded: by count, by concurrent calls and by idle time; closing kills
 * them all.
 */
class SessionLimitsTests {

	@Test
	void closesTheLeastRecentlyUsedSessionAndRefusesPastTheConcurrencyCap() throws Exception {
		try (Sandboxes sandbox = new Sandboxes(
				Map.of("max-sessions", "1", "max-concurrent", "1", "pool-size", "1", "idle-timeout", "20m"))) {
			sandbox.run("t", "a", "x = 1");
			sandbox.run("t", "b", "y = 2");
			assertThat(sandbox.sessions.size()).isEqualTo(1);
			assertThat(sandbox.run("t", "a", "print('x' in dir())").output()).isEqualTo("False\n");

			CompletableFuture<ToolResult> slow = CompletableFuture
				.supplyAsync(() -> sandbox.run("t", "a", "import time\ntime.sleep(3)\nprint('slow')"));
			Thread.sleep(500);
			ToolResult refused = sandbox.run("t", "b", "print(1)");
			assertThat(refused.error()).isTrue();
			assertThat(refused.output()).startsWith("Call refused: too many code_interpreter calls");
			assertThat(slow.get().output()).isEqualTo("slow\n");
		}
	}

	@Test
	void closesIdleSessionsAndLeavesNoProcessBehind() throws Exception {
		Sandboxes sandbox = new Sandboxes(Map.of("idle-timeout", "1s", "pool-size", "1", "uid-base", "62000"));
		sandbox.run("t", "idle", "x = 1");
		Thread.sleep(2500);
		assertThat(sandbox.sessions.size()).isZero();
		assertThat(sandbox.run("t", "idle", "print('x' in dir())").output()).isEqualTo("False\n");
		sandbox.close();
		long until = System.nanoTime() + 5_000_000_000L;
		while (jailed() > 0 && System.nanoTime() < until) {
			Thread.sleep(100);
		}
		assertThat(jailed()).isZero();
	}

	/** Processes running as this test's jail uids (62000 and up), wherever they are. */
	private static long jailed() throws IOException {
		try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
			return processes.filter(dir -> dir.getFileName().toString().matches("\\d+")).filter(dir -> {
				try {
					String uid = Files.readAllLines(dir.resolve("status"))
						.stream()
						.filter(line -> line.startsWith("Uid:"))
						.findFirst()
						.orElse("Uid: 0")
						.split("\\s+")[1];
					return Integer.parseInt(uid) >= 62000 && Integer.parseInt(uid) < 62100;
				}
				catch (IOException | RuntimeException ex) {
					return false;
				}
			}).count();
		}
	}

}
