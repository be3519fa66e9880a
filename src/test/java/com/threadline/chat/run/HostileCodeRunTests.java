package com.threadline.chat.run;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import com.threadline.chat.support.Api;
import com.threadline.chat.support.IntegrationTest;
import com.threadline.chat.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile code through whole runs: each attempt ends as a tool error or harmless output
 * that the step records and the model reads, the run completes, and afterwards the
 * service is healthy and a normal code_interpreter run on another thread works.
 */
@Timeout(120)
class HostileCodeRunTests extends IntegrationTest {

	/**
	 * The variables the jail sets itself (tool.code.Jail; bwrap's {@code --chdir} sets
	 * {@code PWD}).
	 */
	private static final Set<String> JAIL_VARIABLES = Set.of("PATH", "HOME", "XDG_CACHE_HOME", "LANG", "MPLBACKEND",
			"MPLCONFIGDIR", "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "PWD");

	private static final String RESET = "It has been reset";

	private static RunFixtures fixtures;

	private static String assistant;

	private static String bystander;

	@BeforeEach
	void fixtures() {
		if (fixtures == null) {
			fixtures = new RunFixtures(this.api, "Hostile code");
			assistant = fixtures.assistant(Map.of("tools", List.of(CodeRuns.CODE_INTERPRETER)));
			bystander = fixtures.thread("A bystander");
		}
	}

	static Stream<Arguments> hostile() {
		return Stream.of(
				Arguments.of("reads /etc/passwd", "print(open('/etc/passwd').read())",
						(Predicate<String>) out -> out.contains("FileNotFoundError") && !out.contains("root:")),
				Arguments.of("reads the app's files", """
						import os
						print([os.path.exists(p) for p in (FILES, HOME, CWD, '/work', '/root')])
						""", (Predicate<String>) out -> out.startsWith("[False, False, False, False, False]\n")),
				Arguments.of("reads the environment", """
						import os
						for k, v in sorted(os.environ.items()):
						    print('env', k + '=' + v)
						for entry in open('/proc/1/environ').read().split('\\0'):
						    print('init', entry)
						""", (Predicate<String>) HostileCodeRunTests::holdsNoSecret),
				Arguments.of("runs os.system and subprocess", """
						import os, subprocess
						print(os.system('cat /etc/passwd; id -u'))
						print(subprocess.run(['ls', '/'], capture_output=True, text=True).stdout.split())
						""", (Predicate<String>) out -> !out.contains("root:") && out.contains("['bin', 'dev', 'etc'")),
				Arguments.of("forks until the process limit", """
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
						""",
						(Predicate<String>) out -> out.matches("(?s)stopped after \\d+ 11\n.*") || out.contains(RESET)),
				Arguments.of("opens sockets to the database and the app", """
						import socket
						for port in (5432, PORT):
						    s = socket.socket()
						    s.settimeout(1)
						    print(port, s.connect_ex(('127.0.0.1', port)))
						""", (Predicate<String>) out -> out.matches("(?s)5432 111\n\\d+ 111\n.*")),
				Arguments.of("loops forever", "while True: pass", (Predicate<String>) out -> out.contains(RESET)),
				Arguments.of("sums to 10**12", "sum(range(10**12))", (Predicate<String>) out -> out.contains(RESET)),
				Arguments.of("allocates without end", "chunks = []\nwhile True: chunks.append(b'x' * 10**8)",
						(Predicate<String>) out -> out.contains("MemoryError") || out.contains(RESET)),
				Arguments.of("prints 100 MB", "print('y' * (100 * 1024 * 1024))",
						(Predicate<String>) out -> out.length() < 21_000 && out.contains("[output cut")),
				Arguments.of("fills the workspace", """
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
						""", (Predicate<String>) out -> out.matches("(?s)full after \\d+ 28\n.*")),
				Arguments.of("calls sys.exit()", "import sys\nsys.exit(3)",
						(Predicate<String>) out -> out.contains("SystemExit: 3")),
				Arguments.of("overflows the stack", "def f(): return f()\nf()",
						(Predicate<String>) out -> out.contains("RecursionError")),
				Arguments.of("kills pid 1", "import os\nos.kill(1, 9)\nprint('still here')",
						(Predicate<String>) out -> out.contains(RESET) || out.startsWith("still here")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("hostile")
	void theRunCompletesAndTheServiceStaysHealthy(String name, String code, Predicate<String> harmless) {
		String marker = CodeRuns.marker("hostile");
		String source = code.replace("PORT", Integer.toString(this.port))
			.replace("FILES", quoted(IntegrationTest.FILES_DIRECTORY.toString()))
			.replace("HOME", quoted(System.getProperty("user.home")))
			.replace("CWD", quoted(System.getProperty("user.dir")));
		CodeRuns.script(this.model, marker, source, harmless, "That did not work.");
		String thread = fixtures.thread(name + " " + marker);
		JsonNode run = CodeRuns.runAndWait(fixtures, thread, assistant);
		String output = CodeRuns.toolOutput(this.model, marker);
		assertThat(run.get("status").asString()).as(output).isEqualTo("completed");
		assertThat(CodeRuns.lastReply(fixtures, thread)).as(output).isEqualTo("That did not work.");
		List<JsonNode> calls = CodeRuns.codeCalls(fixtures, thread, run.get("id").asString());
		assertThat(calls).hasSize(1);
		assertThat(calls.getFirst().at("/code_interpreter/input").asString()).isEqualTo(source);
		String logs = CodeRuns.logs(calls.getFirst());
		assertThat(logs).hasSizeLessThan(21_000);
		assertThat(harmless).as(logs).accepts(logs);
	}

	@AfterEach
	void healthyAndABystanderRunWorks() {
		assertThat(Api.get(this.api.anonymous(), "/actuator/health", 200).get("status").asString()).isEqualTo("UP");
		String marker = CodeRuns.marker("bystander");
		CodeRuns.script(this.model, marker, "print(6 * 7)", out -> out.startsWith("42\n"), "42.");
		CodeRuns.say(fixtures.client, bystander, "Six times seven " + marker);
		assertThat(CodeRuns.runAndWait(fixtures, bystander, assistant).get("status").asString()).isEqualTo("completed");
		assertThat(CodeRuns.lastReply(fixtures, bystander)).isEqualTo("42.");
		assertThat(ProcessHandle.current().descendants().count()).isLessThan(200);
	}

	private static String quoted(String path) {
		return "'" + path.replace("\\", "\\\\").replace("'", "\\'") + "'";
	}

	private static boolean holdsNoSecret(String output) {
		List<String> secrets = List.of(IntegrationTest.MODEL_API_KEY, IntegrationTest.ADMIN_TOKEN,
				IntegrationTest.MASTER_KEY, IntegrationTest.ASK_DB_PASSWORD, TestDatabase.get().url());
		if (secrets.stream().anyMatch(output::contains) || !output.contains("env PATH=/usr/bin:/bin")
				|| !output.contains("env PWD=/mnt/data")) {
			return false;
		}
		// Nothing of the server's own environment reaches the jail.
		return System.getenv()
			.entrySet()
			.stream()
			.filter(variable -> !JAIL_VARIABLES.contains(variable.getKey()))
			.noneMatch(variable -> output.contains(" " + variable.getKey() + "="));
	}

}
