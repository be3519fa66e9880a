package com.threadline.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The measurements, in order, on one app instance (and one each for SQL and restarts). */
final class Phases {

	private final Bench bench;

	private final Options o;

	private final Map<String, Object> results;

	private final Map<String, Object> rss = new LinkedHashMap<>();

	private final Map<String, Object> startup = new LinkedHashMap<>();

	private final HttpClient http = HttpClient.newHttpClient();

	private AppProcess app;

	private volatile double rssPeak;

	Phases(Bench bench) {
		this.bench = bench;
		this.o = bench.options;
		this.results = bench.results;
	}

	void run() throws Exception {
		this.app = this.bench.startApp(this.o.dbPort, Map.of());
		this.startup.put("first_start_s", round(this.app.startSeconds));
		Thread.sleep(5000);
		this.rss.put("at_rest_mib", round(this.app.rssMiB()));
		this.rss.put("heap_at_rest_after_gc_mib", round(this.app.heapAfterGcMiB(this.bench.jcmd)));
		Thread.ofPlatform().daemon().start(this::sampleRss);
		call("mock " + this.bench.mockBase);
		call("app " + this.app.base);
		call("setup " + this.bench.adminToken);
		try {
			if (this.o.wants("ttft") || this.o.wants("lag")) {
				this.results.put("latency", new Latency(this).run());
			}
			if (this.o.wants("ladder")) {
				this.results.put("ladder", new Ladder(this).run());
			}
			if (this.o.wants("followers")) {
				this.results.put("followers", followers());
			}
			this.rss.put("after_load_idle_mib", round(this.app.rssMiB()));
		}
		finally {
			this.results.put("rss", this.rss);
			this.app.close();
		}
		if (this.o.wants("sql")) {
			this.results.put("sql", sql());
		}
		if (this.o.wants("startup")) {
			new Restarts(this.bench, this.startup, this.rss).run();
		}
		this.results.put("startup", this.startup);
	}

	Options options() {
		return this.o;
	}

	Map<String, String> call(String command) throws IOException {
		return this.bench.load.call(command);
	}

	/** The mock's pacing slip since the last call. */
	Map<String, String> mockStats() throws IOException, InterruptedException {
		String url = this.bench.mockBase.replaceFirst("/v1$", "") + "/bench/stats";
		return Child.parse(this.http.send(HttpRequest.newBuilder(URI.create(url)).build(),
				HttpResponse.BodyHandlers.ofString()).body());
	}

	/** The app's largest RSS since the last call, in MiB. */
	double takeRssPeak() {
		double peak = this.rssPeak;
		this.rssPeak = 0;
		return round(peak);
	}

	void putRss(String key, double value) {
		this.rss.put(key, round(value));
	}

	private void sampleRss() {
		while (this.app.process.isAlive()) {
			this.rssPeak = Math.max(this.rssPeak, this.app.rssMiB());
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	private Map<String, Object> followers() throws Exception {
		Map<String, Object> result = new LinkedHashMap<>();
		result.putAll(call("hold " + this.o.heldRuns));
		Thread.sleep(1000);
		double heap0 = this.app.heapAfterGcMiB(this.bench.jcmd);
		double rss0 = this.app.rssMiB();
		result.put("heap_before_mib", round(heap0));
		result.put("rss_before_mib", round(rss0));
		List<Object> steps = new ArrayList<>();
		int held = 0;
		String limit = "not reached (bounded by --followers)";
		long files = openFileLimit();
		result.put("open_file_limit", files);
		for (int wanted : this.o.followers) {
			int level = (int) Math.min(wanted, files - 1024);
			if (level < wanted) {
				limit = "not reached; bounded by the open-file limit " + files + " (ulimit -n) of the app and the load generator";
			}
			Bench.log("followers: opening up to " + level);
			Map<String, String> step = call("follow " + level);
			Thread.sleep(2000);
			int open = Integer.parseInt(step.get("open"));
			double heap = this.app.heapAfterGcMiB(this.bench.jcmd);
			double rssNow = this.app.rssMiB();
			Map<String, Object> row = new LinkedHashMap<>(step);
			row.put("target", level);
			row.put("heap_after_gc_mib", round(heap));
			row.put("rss_mib", round(rssNow));
			row.put("heap_kib_per_follower", open > 0 ? round((heap - heap0) * 1024 / open) : 0);
			row.put("rss_kib_per_follower", open > 0 ? round((rssNow - rss0) * 1024 / open) : 0);
			steps.add(row);
			if (!"0".equals(step.get("failed")) || open < level) {
				String error = step.get("error");
				limit = "at " + level + ": " + error + (clientSide(error) ? " (load generator ceiling)" : "");
				break;
			}
			held = open;
			if (level < wanted) {
				break;
			}
		}
		result.put("steps", steps);
		result.put("held", held);
		result.put("limit", limit);
		result.putAll(prefix("unfollow_", call("unfollow")));
		return result;
	}

	/** This process's soft limit of open files, which bench/run raised for every process it starts. */
	private static long openFileLimit() throws IOException {
		for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/limits"))) {
			if (line.startsWith("Max open files")) {
				return Long.parseLong(line.substring(26).trim().split("\\s+")[0]);
			}
		}
		return Long.MAX_VALUE;
	}

	private static boolean clientSide(String error) {
		return error != null && (error.contains("BindException") || error.contains("Too_many_open_files")
				|| error.contains("Cannot_assign") || error.contains("OutOfMemory"));
	}

	private Map<String, Object> sql() throws Exception {
		Map<String, Object> result = new LinkedHashMap<>();
		try (SqlCounter counter = new SqlCounter(new InetSocketAddress(this.o.dbHost, this.o.dbPort))) {
			try (AppProcess counted = this.bench.startApp(counter.port(),
					Map.of("CHAT_RUN_SWEEPINTERVAL", "1h", "CHAT_RUN_HEARTBEATINTERVAL", "1h"))) {
				this.startup.put("restart_through_sql_proxy_s", round(counted.startSeconds));
				call("app " + counted.base);
				call("round sqlwarm app 1 2 16 " + this.o.pace + " 0");
				List<Map<String, Object>> runs = new ArrayList<>();
				for (int i = 0; i < this.o.sqlRuns; i++) {
					Map<String, Long> before = counter.snapshot();
					Map<String, String> round = call("round sql app 1 1 16 " + this.o.pace + " 0");
					Thread.sleep(500);
					runs.add(SqlRun.diff(before, counter.snapshot(), round));
				}
				result.putAll(SqlRun.summarize(runs));
			}
		}
		return result;
	}

	static Map<String, Object> prefix(String prefix, Map<String, String> map) {
		Map<String, Object> out = new LinkedHashMap<>();
		map.forEach((k, v) -> out.put(prefix + k, v));
		return out;
	}

	static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

}
