package com.threadline.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A helper JVM of the bench (mock or load generator) talking in lines: the orchestrator
 * writes a command, the child answers {@code OK key=value …}, parsed into a map.
 */
final class Child implements AutoCloseable {

	final Process process;

	private final BufferedReader out;

	private final PrintWriter in;

	Child(List<String> command, Path log) throws IOException {
		this.process = new ProcessBuilder(command).redirectError(log.toFile()).start();
		Bench.STARTED.add(this.process);
		this.out = new BufferedReader(new InputStreamReader(this.process.getInputStream()));
		this.in = new PrintWriter(this.process.getOutputStream(), true);
	}

	String readLine() throws IOException {
		String line = this.out.readLine();
		if (line == null) {
			throw new IOException("the child process ended: " + String.join(" ", this.process.info().arguments()
				.map(List::of)
				.orElse(List.of())));
		}
		return line;
	}

	/** Sends one command and parses its answer; fails on {@code ERR}. */
	Map<String, String> call(String command) throws IOException {
		this.in.println(command);
		String answer = readLine();
		if (!answer.startsWith("OK")) {
			throw new IOException(command + " → " + answer);
		}
		return parse(answer.substring(2));
	}

	static Map<String, String> parse(String pairs) {
		Map<String, String> map = new LinkedHashMap<>();
		for (String pair : pairs.trim().split("\\s+")) {
			int eq = pair.indexOf('=');
			if (eq > 0) {
				map.put(pair.substring(0, eq), pair.substring(eq + 1));
			}
		}
		return map;
	}

	@Override
	public void close() throws InterruptedException {
		this.in.close();
		this.process.destroy();
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

}
