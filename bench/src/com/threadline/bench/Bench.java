package com.threadline.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The orchestrator: creates a fresh database, starts the paced mock model, the app and
 * the load generator as processes of their own, runs the phases, and writes the table
 * and the JSON. See {@code docs/benchmark.md}.
 */
public final class Bench {

	static final String ROLE = "threadline_bench";

	/** Every process the bench started, stopped at exit however the bench ends. */
	static final List<Process> STARTED = new java.util.concurrent.CopyOnWriteArrayList<>();

	final Options options;

	final Path dir;

	final String java = ProcessHandle.current().info().command().orElse("java");

	final String jcmd = Path.of(this.java).resolveSibling("jcmd").toString();

	final String database = "bench_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"));

	final String adminToken = HexFormat.of().formatHex(random(32));

	final String masterKey = Base64.getEncoder().encodeToString(random(32));

	final Map<String, Object> results = new LinkedHashMap<>();

	Child mock;

	String mockBase;

	Child load;

	private int apps;

	Bench(Options options, Path dir) {
		this.options = options;
		this.dir = dir;
	}

	public static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		Path jar = options.jar != null ? options.jar : findJar();
		options.jar = jar;
		Path dir = options.out.resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
		Files.createDirectories(dir);
		Bench bench = new Bench(options, dir);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> STARTED.forEach(Process::destroyForcibly)));
		bench.results.put("machine", Machine.describe(System.getenv().getOrDefault("BENCH_COMMIT", "unknown")));
		bench.results.put("options", String.join(" ", args));
		try {
			bench.run();
		}
		finally {
			bench.stop();
		}
	}

	private void run() throws Exception {
		psql("DO $$ BEGIN CREATE ROLE " + ROLE + " LOGIN PASSWORD 'bench' NOSUPERUSER NOBYPASSRLS NOCREATEDB"
				+ " NOCREATEROLE; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$",
				"CREATE DATABASE " + this.database + " OWNER " + ROLE);
		log("database " + this.database + " (owner " + ROLE + "), output in " + this.dir);
		this.mock = new Child(List.of(this.java, "-Xmx1g", "-Dsun.net.httpserver.nodelay=true", "-cp", System.getProperty("java.class.path"),
				MockModel.class.getName(), "0"), this.dir.resolve("mock.log"));
		this.mockBase = "http://127.0.0.1:" + this.mock.readLine().split(" ")[1] + "/v1";
		this.load = new Child(List.of(this.java, "-Xmx2g", "-cp", System.getProperty("java.class.path"),
				LoadGen.class.getName()), this.dir.resolve("loadgen.log"));
		try {
			new Phases(this).run();
		}
		finally {
			this.results.put("load_average_at_end", Machine.loadAverage());
			Report.write(this);
		}
	}

	/** Starts an app instance ({@code java -jar} on the jar) against the bench database, or through {@code dbPort}. */
	AppProcess startApp(int dbPort, Map<String, String> extra) throws IOException, InterruptedException {
		return startApp(dbPort, extra, List.of(), this.options.jar.toString(), null);
	}

	/** Likewise with more JVM options, another jar and a working directory (null: the bench's). */
	AppProcess startApp(int dbPort, Map<String, String> extra, List<String> jvm, String jar, Path workDir)
			throws IOException, InterruptedException {
		Map<String, String> env = new LinkedHashMap<>();
		env.put("SPRING_DATASOURCE_URL", "jdbc:postgresql://" + this.options.dbHost + ":" + dbPort + "/"
				+ this.database + "?sslmode=disable&gssEncMode=disable");
		env.put("SPRING_DATASOURCE_USERNAME", ROLE);
		env.put("SPRING_DATASOURCE_PASSWORD", "bench");
		env.put("OPENAI_BASE_URL", this.mockBase);
		env.put("OPENAI_API_KEY", "bench");
		env.put("ADMIN_TOKEN", this.adminToken);
		env.put("CHAT_MASTER_KEY", this.masterKey);
		env.put("SERVER_ADDRESS", "127.0.0.1");
		env.put("CHAT_DEMO_ENABLED", "false");
		env.put("CHAT_FILES_DIRECTORY", this.dir.resolve("files").toAbsolutePath().toString());
		for (String limit : List.of("REQUESTSPERSECONDPERIP", "REQUESTSPERSECONDPERKEY", "REQUESTSPERSECONDPERUSER",
				"ACTIVERUNSPERTENANT", "ACTIVERUNSPERUSER", "STREAMSPERTENANT", "STREAMSPERUSER")) {
			env.put("CHAT_LIMITS_" + limit, "1000000");
		}
		env.put("CHAT_LIMITS_TOKENSPERDAY", "1000000000000000");
		env.putAll(extra);
		int port = freePort();
		Path log = this.dir.resolve("app-" + (++this.apps) + ".log");
		log("starting app " + this.apps + " on port " + port + " (log " + log + ")");
		List<String> command = new ArrayList<>(List.of(this.java));
		command.addAll(this.options.appJvm);
		command.addAll(jvm);
		command.addAll(List.of("-jar", jar));
		AppProcess app = AppProcess.start(command, workDir, env, port, log);
		log("app " + this.apps + " healthy after " + "%.2f s".formatted(app.startSeconds));
		return app;
	}

	void psql(String... statements) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("psql", "-X", "-q", "-h", this.options.dbHost, "-p",
				Integer.toString(this.options.dbPort), "-U", this.options.dbUser, "-d", "postgres", "-v",
				"ON_ERROR_STOP=1"));
		for (String statement : statements) {
			command.add("-c");
			command.add(statement);
		}
		Process process = new ProcessBuilder(command).inheritIO().start();
		if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IOException("psql failed: " + String.join(" ", statements));
		}
	}

	private void stop() {
		for (AutoCloseable child : new AutoCloseable[] { this.load, this.mock }) {
			try {
				if (child != null) {
					child.close();
				}
			}
			catch (Exception ex) {
				log("could not stop a child: " + ex);
			}
		}
		if (!this.options.keepDb) {
			try {
				psql("DROP DATABASE IF EXISTS " + this.database + " WITH (FORCE)");
			}
			catch (Exception ex) {
				log("could not drop " + this.database + ": " + ex);
			}
		}
	}

	static void log(String message) {
		System.err.println("[bench " + LocalTime.now().withNano(0) + "] " + message);
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress("127.0.0.1", 0));
			return socket.getLocalPort();
		}
	}

	private static Path findJar() throws IOException {
		try (var files = Files.list(Path.of("target"))) {
			return files.filter(p -> p.getFileName().toString().matches("threadline-.*\\.jar"))
				.filter(p -> !p.getFileName().toString().endsWith("-plain.jar"))
				.findFirst()
				.orElseThrow(() -> new IOException("no target/threadline-*.jar: run ./mvnw -DskipTests package"));
		}
	}

	private static byte[] random(int bytes) {
		byte[] value = new byte[bytes];
		new SecureRandom().nextBytes(value);
		return value;
	}

}
