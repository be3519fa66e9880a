package com.threadline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Start to healthy on the migrated database, two ways in turn so that a drift of the shared
 * machine hits both: as the Docker image starts (the jar extracted, the JDK 25 AOT cache trained
 * by {@code docker/aot-train.sh}, {@code java --enable-native-access=ALL-UNNAMED
 * -XX:AOTCache=threadline.aot -jar threadline.jar} in that directory) and plain {@code java -jar}.
 * The extraction and the training are timed; whether the JVM accepted the cache is read from
 * its {@code -Xlog:aot} output for every start.
 */
final class Restarts {

	static final String SCRIPT = "docker/aot-train.sh";

	static final List<String> AOT_FLAGS = List.of("--enable-native-access=ALL-UNNAMED", "-XX:AOTCache=threadline.aot");

	private final Bench bench;

	private final Map<String, Object> startup;

	private final Map<String, Object> rss;

	Restarts(Bench bench, Map<String, Object> startup, Map<String, Object> rss) {
		this.bench = bench;
		this.startup = startup;
		this.rss = rss;
	}

	void run() throws Exception {
		Path app = this.bench.dir.resolve("aot-app").toAbsolutePath();
		Path cache = app.resolve("threadline.aot");
		Map<String, Object> aot = new LinkedHashMap<>();
		this.startup.put("aot", aot);
		long start = System.nanoTime();
		int status = exec(List.of(this.bench.java, "-Djarmode=tools", "-jar",
				this.bench.options.jar.toAbsolutePath().toString(), "extract", "--application-filename", "threadline.jar",
				"--destination", app.toString()), Map.of(), "aot-extract.log");
		aot.put("extract_s", Phases.round((System.nanoTime() - start) / 1e9));
		boolean trained = false;
		String stepLog = "aot-extract.log";
		if (status == 0) {
			stepLog = "aot-train.log";
			Bench.log("training the AOT cache: sh " + SCRIPT + " " + app + " " + cache);
			start = System.nanoTime();
			status = exec(List.of("sh", SCRIPT, app.toString(), cache.toString()),
					Map.of("JAVA_HOME", Path.of(this.bench.java).getParent().getParent().toString(), "AOT_TRAINING_LOG",
							this.bench.dir.resolve("aot-training.log").toAbsolutePath().toString()),
					stepLog);
			aot.put("training_s", Phases.round((System.nanoTime() - start) / 1e9));
			trained = status == 0 && Files.isRegularFile(cache);
			Bench.log("AOT training " + (trained ? "done in " + aot.get("training_s") + " s" : "failed"));
		}
		aot.put("trained", trained);
		if (trained) {
			aot.put("cache_mib", Phases.round(Files.size(cache) / 1048576.0));
		}
		else {
			aot.put("error", lastLine(this.bench.dir.resolve(stepLog)));
		}
		List<Object> with = new ArrayList<>(), without = new ArrayList<>();
		List<Object> rssWith = new ArrayList<>(), rssWithout = new ArrayList<>(), accepted = new ArrayList<>();
		for (int i = 0; i < this.bench.options.starts; i++) {
			for (boolean cached : (i % 2 == 0) ? new boolean[] { true, false } : new boolean[] { false, true }) {
				if (cached && !trained) {
					continue;
				}
				Path aotLog = this.bench.dir.resolve("aot-restart-" + (i + 1) + ".log").toAbsolutePath();
				List<String> flags = new ArrayList<>(AOT_FLAGS);
				flags.add("-Xlog:aot:file=" + aotLog);
				try (AppProcess again = cached
						? this.bench.startApp(this.bench.options.dbPort, Map.of(), flags, "threadline.jar", app)
						: this.bench.startApp(this.bench.options.dbPort, Map.of())) {
					(cached ? with : without).add(Phases.round(again.startSeconds));
					Thread.sleep(3000);
					(cached ? rssWith : rssWithout).add(Phases.round(again.rssMiB()));
				}
				if (cached) {
					String verdict = verdict(aotLog);
					accepted.add(verdict);
					if (!"accepted".equals(verdict)) {
						Bench.log("the JVM did not use the AOT cache: " + verdict);
					}
				}
			}
		}
		deleteTree(app);
		this.startup.put("restarts_aot_s", with);
		this.startup.put("restarts_plain_s", without);
		this.startup.put("restart_aot_p50_s", median(with));
		this.startup.put("restart_plain_p50_s", median(without));
		aot.put("cache_use", accepted);
		this.rss.put("at_rest_after_restart_aot_mib", rssWith);
		this.rss.put("at_rest_after_restart_plain_mib", rssWithout);
	}

	/** "accepted", or the JVM's first AOT error line. */
	private static String verdict(Path aotLog) throws IOException {
		if (!Files.exists(aotLog)) {
			return "no -Xlog:aot output";
		}
		List<String> lines = Files.readAllLines(aotLog);
		for (String line : lines) {
			if (line.contains("[error")) {
				return line.replaceFirst("^\\[[^]]*\\]", "").strip();
			}
		}
		return lines.stream().anyMatch(l -> l.contains("Using AOT-linked classes: true")) ? "accepted"
				: "no \"Using AOT-linked classes: true\" in " + aotLog.getFileName();
	}

	private int exec(List<String> command, Map<String, String> env, String log) throws Exception {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.bench.dir.resolve(log).toFile());
		builder.environment().putAll(env);
		Process process = builder.start();
		Bench.STARTED.add(process);
		if (!process.waitFor(15, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			return -1;
		}
		return process.exitValue();
	}

	/** The extracted app and its cache: some 300 MB per run, not worth keeping. */
	private static void deleteTree(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (var paths = Files.walk(dir)) {
			for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

	/** The log's last line naming an error or exception (else its last line). */
	private static String lastLine(Path log) throws IOException {
		List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
		if (lines.isEmpty()) {
			return "see " + log;
		}
		return lines.reversed().stream().filter(l -> l.matches(".*(Error|Exception|error|failed).*")).findFirst()
			.orElse(lines.getLast()).strip();
	}

	/** The p50 by the nearest rank, as {@link Samples} takes it; null when empty. */
	static Double median(List<Object> values) {
		if (values.isEmpty()) {
			return null;
		}
		List<Double> sorted = values.stream().map(v -> ((Number) v).doubleValue()).sorted().toList();
		return sorted.get((int) Math.ceil(0.5 * sorted.size()) - 1);
	}

}
