package com.threadline.chat.tool.code;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.threadline.chat.tool.ToolResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The model's code is hostile: whatever it tries ends as a tool error or harmless output,
 * and the next call (on the same thread, and on another) works.
 */
class HostileCodeTests {

	private static Sandboxes sandbox;

	@BeforeAll
	static void start() {
		sandbox = new Sandboxes(Map.of("call-timeout", "4s", "workspace-size", "64MB", "max-file-size", "16MB"));
		assertThat(sandbox.tool.unavailable()).isEmpty();
	}

	@AfterAll
	static void stop() {
		sandbox.close();
	}

	@AfterEach
	void nextCallsStillWork() {
		assertThat(sandbox.run("t1", "hostile", "print(1 + 1)").output()).isEqualTo("2\n");
		assertThat(sandbox.run("t1", "bystander", "print(2 + 2)").output()).isEqualTo("4\n");
	}

	@Test
	void cannotReadTheHostsFiles() {
		for (String path : List.of("/etc/passwd", "/etc/shadow", "/work", "/root", "/home", "/tmp/../work")) {
			ToolResult result = sandbox.run("t1", "hostile", "import os\nprint(os.path.exists('%s'))".formatted(path));
			assertThat(result.output()).as(path).isEqualTo("False\n");
		}
	}

	@Test
	void cannotSeeTheServersEnvironmentOrProcesses() {
		long jvm = ProcessHandle.current().pid();
		ToolResult result = sandbox.run("t1", "hostile", """
				import os
				print(sorted(os.environ))
				print(sorted(p for p in os.listdir('/proc') if p.isdigit()))
				print(os.path.exists('/proc/%d'))
				print(open('/proc/1/environ').read())
				""".formatted(jvm));
		assertThat(result.output()).doesNotContain("JAVA_HOME", "MASTER_KEY", "DATASOURCE", "SPRING")
			.contains("'PATH'")
			.contains("False");
		assertThat(result.output().lines().toList().get(1)).isEqualTo("['1', '2']");
	}

	@Test
	void runsShellCommandsOnlyInsideTheJail() {
		ToolResult result = sandbox.run("t1", "hostile", """
				import os, subprocess
				print(os.system('cat /etc/passwd; id -u'))
				print(subprocess.run(['ls', '/'], capture_output=True, text=True).stdout.split())
				""");
		assertThat(result.output()).doesNotContain("root:x").contains("['bin', 'dev', 'etc'");
	}

	@Test
	void stopsAForkBomb() {
		ToolResult result = sandbox.run("t1", "hostile", """
				import os, time
				pids = []
				try:
				    while True:
				        pid = os.fork()
				        if pid == 0:
				            time.sleep(30)
				            os._exit(0)
				        pids.append(pid)
				except OSError as ex:
				    print('stopped after', len(pids), ex.errno)
				""");
		assertThat(result.output()).containsPattern("stopped after \\d+ 11");
		assertThat(ProcessHandle.current().descendants().count()).isLessThan(200);
	}

	@Test
	void hasNoNetwork() {
		ToolResult result = sandbox.run("t1", "hostile", """
				import socket
				for port in (5432, 6379, 8080):
				    s = socket.socket()
				    s.settimeout(1)
				    print(port, s.connect_ex(('127.0.0.1', port)))
				try:
				    socket.getaddrinfo('example.com', 80)
				except OSError as ex:
				    print('dns', type(ex).__name__)
				""");
		assertThat(result.output()).contains("5432 111", "6379 111", "8080 111", "dns gaierror");
	}

	@Test
	void killsCodeThatRunsTooLong() {
		for (String code : List.of("while True: pass", "sum(range(10**12))")) {
			ToolResult result = sandbox.run("t1", "hostile", "x = 1\n" + code);
			assertThat(result.error()).isTrue();
			assertThat(result.output()).contains("longer than 4 s", "variables and files", "lost");
			assertThat(sandbox.run("t1", "hostile", "print('x' in dir())").output()).isEqualTo("False\n");
		}
	}

	@Test
	void survivesAMemoryBomb() {
		ToolResult result = sandbox.run("t1", "hostile", "x = bytearray(8 * 1024**3)");
		assertThat(result.error()).isTrue();
		assertThat(result.output()).contains("MemoryError");
		ToolResult growing = sandbox.run("t1", "hostile", "chunks = []\nwhile True: chunks.append(b'x' * 10**8)");
		assertThat(growing.error()).isTrue();
	}

	@Test
	void capsWhatItPrints() {
		ToolResult result = sandbox.run("t1", "hostile", "print('y' * (100 * 1024 * 1024))");
		assertThat(result.output()).hasSizeLessThan(21_000).contains("[output cut");
		ToolResult raw = sandbox.run("t1", "hostile",
				"import os\nos.system('head -c 50000000 /dev/zero | tr \"\\\\0\" z')");
		assertThat(raw.output()).hasSizeLessThan(21_000);
	}

	@Test
	void capsTheWorkspace() {
		ToolResult result = sandbox.run("t1", "hostile", """
				n = 0
				try:
				    while True:
				        with open('/mnt/data/fill-%d.bin' % n, 'wb') as f:
				            f.write(b'\\0' * (8 * 1024 * 1024))
				        n += 1
				except OSError as ex:
				    print('full after', n, ex.errno)
				import os
				for name in os.listdir('/mnt/data'):
				    os.remove('/mnt/data/' + name)
				""");
		assertThat(result.output()).containsPattern("full after \\d+ 28");
		ToolResult big = sandbox.run("t1", "hostile", "open('/mnt/data/big', 'wb').write(b'x' * (20 * 1024 * 1024))");
		assertThat(big.error()).isTrue();
	}

	@Test
	void survivesExitsRecursionAndKills() {
		assertThat(sandbox.run("t1", "hostile", "import sys\nsys.exit(3)").output()).contains("SystemExit: 3");
		assertThat(sandbox.run("t1", "hostile", "def f(): return f()\nf()").output()).contains("RecursionError");
		assertThat(sandbox.run("t1", "hostile", "raise KeyboardInterrupt").output()).contains("KeyboardInterrupt");
		sandbox.run("t1", "hostile", "import os\nos.kill(1, 9)");
		ToolResult suicide = sandbox.run("t1", "hostile", "import os\nos._exit(1)");
		assertThat(suicide.error()).isTrue();
		assertThat(suicide.output()).contains("lost");
	}

	@Test
	void keepsTenantsApart() {
		sandbox.run("tenant-a", "same-thread", "secret = 'a'\nopen('/mnt/data/a.txt', 'w').write('a')");
		ToolResult other = sandbox.run("tenant-b", "same-thread",
				"import os\nprint('secret' in dir(), os.listdir('/mnt/data'))");
		assertThat(other.output()).isEqualTo("False []\n");
	}

	@Test
	void runsSessionsAtOnce() throws Exception {
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			List<CompletableFuture<ToolResult>> calls = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				String thread = "parallel-" + i;
				calls.add(CompletableFuture.supplyAsync(
						() -> sandbox.run("t1", thread, "import time\ntime.sleep(1)\nprint('done')"), threads));
			}
			for (CompletableFuture<ToolResult> call : calls) {
				assertThat(call.get().output()).isEqualTo("done\n");
			}
		}
	}

}
