package com.threadline.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The app as a process of its own ({@code java … -jar}), how long it took to report
 * {@code /actuator/health} UP, its resident memory ({@code VmRSS}) and its heap after a
 * full GC ({@code jcmd GC.run}, then {@code GC.heap_info}).
 */
final class AppProcess implements AutoCloseable {

	private static final Pattern USED = Pattern.compile("used (\\d+)K");

	final Process process;

	final String base;

	final double startSeconds;

	private AppProcess(Process process, String base, double startSeconds) {
		this.process = process;
		this.base = base;
		this.startSeconds = startSeconds;
	}

	/** Starts {@code command} in {@code workDir} (null: the bench's) and waits for health UP. */
	static AppProcess start(List<String> command, Path workDir, Map<String, String> env, int port, Path log)
			throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(log.toFile());
		if (workDir != null) {
			builder.directory(workDir.toFile());
		}
		builder.environment().putAll(env);
		builder.environment().put("SERVER_PORT", Integer.toString(port));
		String base = "http://127.0.0.1:" + port;
		long start = System.nanoTime();
		Process process = builder.start();
		Bench.STARTED.add(process);
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		HttpRequest health = HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
			.timeout(Duration.ofSeconds(2))
			.build();
		long deadline = start + TimeUnit.SECONDS.toNanos(240);
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("the app exited with " + process.exitValue() + "; see " + log);
			}
			try {
				HttpResponse<String> response = client.send(health, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
					return new AppProcess(process, base, (System.nanoTime() - start) / 1e9);
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(50);
		}
		process.destroyForcibly();
		throw new IllegalStateException("the app was not healthy within 240 s; see " + log);
	}

	/** Resident set size in MiB, from {@code /proc/<pid>/status}. */
	double rssMiB() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(this.process.pid()), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
				}
			}
		}
		catch (IOException ex) {
			// gone
		}
		return -1;
	}

	/** Heap used after a full GC, in MiB. */
	double heapAfterGcMiB(String jcmd) throws IOException, InterruptedException {
		run(jcmd, Long.toString(this.process.pid()), "GC.run");
		String info = run(jcmd, Long.toString(this.process.pid()), "GC.heap_info");
		Matcher used = USED.matcher(info);
		return used.find() ? Long.parseLong(used.group(1)) / 1024.0 : -1;
	}

	private static String run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String out = new String(process.getInputStream().readAllBytes());
		process.waitFor(60, TimeUnit.SECONDS);
		return out;
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
			this.process.waitFor(10, TimeUnit.SECONDS);
		}
	}

}
