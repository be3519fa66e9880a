package com.threadline.chat.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The application in a JVM of its own, started from this test JVM's class path against an
 * {@link OwnedDatabase}, so that a test can kill it as the operating system would
 * ({@code SIGKILL}) and start it again.
 */
public final class AppProcess implements AutoCloseable {

	private final Process process;

	private final int port;

	private final Path log;

	private AppProcess(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/**
	 * Starts the application as the database's owner, on the model at {@code modelUrl},
	 * with {@code args}, and waits until it reports healthy.
	 */
	public static AppProcess start(OwnedDatabase database, String modelUrl, Path files, String... args)
			throws IOException, InterruptedException {
		int port = freePort();
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1",
				"--enable-native-access=ALL-UNNAMED", "-cp", classPath, "com.threadline.chat.ThreadlineApplication",
				"--server.port=" + port, "--server.address=127.0.0.1", "--spring.datasource.url=" + database.url(),
				"--spring.datasource.username=" + database.owner(),
				"--spring.datasource.password=" + database.password(), "--admin.token=" + IntegrationTest.ADMIN_TOKEN,
				"--chat.master-key=" + IntegrationTest.MASTER_KEY, "--chat.demo.enabled=false",
				"--chat.files.directory=" + files, "--chat.llm.base-url=" + modelUrl,
				"--chat.llm.api-key=" + IntegrationTest.MODEL_API_KEY));
		command.addAll(List.of(args));
		Path log = Files.createTempFile("threadline-app-", ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		AppProcess app = new AppProcess(process, port, log);
		app.awaitHealthy(Duration.ofSeconds(120));
		return app;
	}

	public int port() {
		return this.port;
	}

	/** Kills the process with {@code SIGKILL}: no shutdown hook, no graceful stop. */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			throw new IllegalStateException("The application did not die");
		}
	}

	@Override
	public void close() throws InterruptedException, IOException {
		if (this.process.isAlive()) {
			this.process.destroy();
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				kill();
			}
		}
		Files.deleteIfExists(this.log);
	}

	private void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
		HttpClient client = HttpClient.newHttpClient();
		HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health"))
			.timeout(Duration.ofSeconds(2))
			.build();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("The application exited: " + tail());
			}
			try {
				if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(200);
		}
		this.process.destroyForcibly();
		throw new IllegalStateException("The application was not healthy within " + timeout + ": " + tail());
	}

	private String tail() throws IOException {
		List<String> lines = Files.readAllLines(this.log);
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
