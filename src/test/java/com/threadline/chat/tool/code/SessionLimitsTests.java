package com.threadline.chat.tool.code;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

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
		Sandboxes sandbox = new Sandboxes(Map.of("idle-timeout", "1s", "pool-size", "1"));
		sandbox.run("t", "idle", "x = 1");
		Thread.sleep(2500);
		assertThat(sandbox.sessions.size()).isZero();
		assertThat(sandbox.run("t", "idle", "print('x' in dir())").output()).isEqualTo("False\n");
		sandbox.close();
		assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).map(this::command))
			.noneMatch(command -> command.contains("bwrap") || command.contains("prlimit"));
	}

	private String command(ProcessHandle process) {
		return process.info().command().orElse("");
	}

}
