package com.threadline.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load generator, a JVM of its own (JDK HttpClient, virtual threads), driven by the
 * orchestrator one command per line on standard input and answering one line each
 * ({@code OK key=value …} or {@code ERR …}). It keeps the counted samples per label, so
 * interleaved app and direct rounds pool into one summary each. A virtual thread that
 * sleeps 1 ms measures how late it wakes: the client's own scheduling delay, its ceiling.
 */
public final class LoadGen {

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(30))
		.executor(Executors.newVirtualThreadPerTaskExecutor())
		.build();

	private final Map<String, Samples[]> pools = new HashMap<>();

	private final Samples delays = new Samples();

	private final Followers followers = new Followers();

	private String app;

	private String mock;

	private String key;

	private String assistant;

	public static void main(String[] args) throws Exception {
		LoadGen load = new LoadGen();
		Thread.ofVirtual().start(load::tick);
		BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
		String line;
		while ((line = in.readLine()) != null) {
			String answer;
			try {
				answer = "OK " + load.execute(line.trim().split(" "));
			}
			catch (Exception ex) {
				answer = "ERR " + ex;
			}
			System.out.println(answer.replace('\n', ' '));
			System.out.flush();
		}
		System.exit(0);
	}

	private String execute(String[] cmd) throws Exception {
		return switch (cmd[0]) {
			case "app" -> {
				this.app = cmd[1];
				yield "app=" + this.app;
			}
			case "mock" -> {
				this.mock = cmd[1];
				yield "mock=" + this.mock;
			}
			case "setup" -> setup(cmd[1]);
			case "round" -> round(cmd[1], cmd[2].equals("app"), Integer.parseInt(cmd[3]), Integer.parseInt(cmd[4]),
					Integer.parseInt(cmd[5]), Integer.parseInt(cmd[6]), cmd[7].equals("1"));
			case "summary" -> summary(cmd[1]);
			case "hold" -> this.followers.hold(this.client, this.app, this.key, this.assistant, Integer.parseInt(cmd[1]));
			case "follow" -> this.followers.open(this.app, this.key, Integer.parseInt(cmd[1]));
			case "unfollow" -> this.followers.close(this.client, this.app, this.key);
			default -> throw new IllegalArgumentException("unknown command " + cmd[0]);
		};
	}

	private String setup(String adminToken) throws Exception {
		String tenant = send(StreamRun.post(this.app + "/admin/tenants", adminToken, "{\"name\":\"bench\"}"), 201);
		this.key = field(tenant, "\"api_key\"\\s*:\\s*\"([^\"]+)\"");
		String tenantId = field(tenant, ID.pattern());
		send(StreamRun.post(this.app + "/admin/tenants/" + tenantId + "/limits", adminToken,
				"{\"requests_per_second_per_key\":1000000,\"streams_per_tenant\":1000000,\"active_runs_per_tenant\":1000000}"),
				200);
		String created = send(StreamRun.post(this.app + "/v1/assistants", this.key,
				"{\"model\":\"bench-model\",\"name\":\"Bench\",\"instructions\":\"Answer.\"}"), 200);
		this.assistant = field(created, ID.pattern());
		return "tenant=" + tenantId + " assistant=" + this.assistant;
	}

	/** {@code waves} waves of {@code concurrency} streams at once; counted rounds feed the label's pool. */
	private String round(String label, boolean viaApp, int concurrency, int waves, int deltas, int pace,
			boolean counted) throws Exception {
		String content = "bench deltas=" + deltas + " pace=" + pace;
		Samples lags = new Samples();
		Samples ttfts = new Samples();
		int failed = 0;
		int lost = 0;
		int stalls = 0;
		long maxGap = 0;
		String firstError = "none";
		List<long[]> spans = new ArrayList<>();
		this.delays.drain();
		long cpu0 = cpuNanos();
		long start = System.nanoTime();
		long limit = deltas * (long) pace + 180_000;
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int wave = 0; wave < waves; wave++) {
				List<StreamRun> runs = new ArrayList<>();
				List<Future<StreamRun>> futures = new ArrayList<>();
				for (int i = 0; i < concurrency; i++) {
					StreamRun run = new StreamRun(this.client, deltas, lags);
					HttpRequest request = viaApp ? StreamRun.appRequest(this.app, this.key, this.assistant, content)
							: StreamRun.directRequest(this.mock, content);
					runs.add(run);
					futures.add(pool.submit(() -> run.run(request, viaApp)));
				}
				long deadline = System.nanoTime() + limit * 1_000_000;
				for (int i = 0; i < futures.size(); i++) {
					StreamRun run = runs.get(i);
					try {
						futures.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
					}
					catch (java.util.concurrent.TimeoutException ex) {
						run.error = "timeout";
						if (run.body != null) {
							run.body.close();
						}
						futures.get(i).cancel(true);
					}
					if (run.error != null || run.lost() > 0) {
						failed++;
						firstError = firstError.equals("none") && run.error != null ? run.error : firstError;
					}
					lost += run.lost();
					maxGap = Math.max(maxGap, run.maxGapNanos);
					if (run.maxGapNanos > 10L * pace * 1_000_000 || run.outOfOrder > 0) {
						stalls++;
					}
					if (run.ttftNanos >= 0) {
						ttfts.add(run.ttftNanos);
						spans.add(new long[] { run.firstAt, run.lastAt });
					}
				}
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		double cpuPct = (cpuNanos() - cpu0) / 1e9 / seconds * 100;
		Samples.Summary delay = this.delays.summary();
		if (counted) {
			Samples[] pool = this.pools.computeIfAbsent(label, l -> new Samples[] { new Samples(), new Samples(),
					new Samples() });
			pool[0].addAll(ttfts);
			pool[1].addAll(lags);
			pool[2].addAll(this.delays);
		}
		Samples.Summary lag = lags.summary();
		Samples.Summary ttft = ttfts.summary();
		return "streams=%d peak_streaming=%d failed=%d lost=%d stalls=%d max_gap_ms=%.1f ttft_p50_ms=%.2f lag_p50_ms=%.2f lag_p99_ms=%.2f client_delay_p99_ms=%.2f client_cpu_pct=%.0f seconds=%.1f error=%s"
			.formatted(concurrency * waves, peak(spans), failed, lost, stalls, maxGap / 1e6, ttft.p50() / 1e6, lag.p50() / 1e6,
					lag.p99() / 1e6, delay.p99() / 1e6, cpuPct, seconds, firstError);
	}

	/** The most streams receiving deltas at one moment (first to last delta). */
	static int peak(List<long[]> spans) {
		List<long[]> edges = new ArrayList<>();
		for (long[] span : spans) {
			edges.add(new long[] { span[0], 1 });
			edges.add(new long[] { span[1], -1 });
		}
		edges.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(b[1], a[1]));
		int now = 0;
		int peak = 0;
		for (long[] edge : edges) {
			now += (int) edge[1];
			peak = Math.max(peak, now);
		}
		return peak;
	}

	private String summary(String label) {
		Samples[] pool = this.pools.get(label);
		if (pool == null) {
			return "n=0";
		}
		Samples.Summary ttft = pool[0].summary();
		Samples.Summary lag = pool[1].summary();
		Samples.Summary delay = pool[2].summary();
		return "ttft_n=%d ttft_p50_ms=%.3f ttft_p99_ms=%.3f lag_n=%d lag_p50_ms=%.3f lag_p99_ms=%.3f client_delay_p99_ms=%.3f"
			.formatted(ttft.count(), ttft.p50() / 1e6, ttft.p99() / 1e6, lag.count(), lag.p50() / 1e6, lag.p99() / 1e6,
					delay.p99() / 1e6);
	}

	private void tick() {
		while (true) {
			long before = System.nanoTime();
			try {
				Thread.sleep(1);
			}
			catch (InterruptedException ex) {
				return;
			}
			this.delays.add(Math.max(0, System.nanoTime() - before - 1_000_000));
		}
	}

	private String send(HttpRequest request, int expected) throws Exception {
		HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != expected) {
			throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": "
					+ response.body());
		}
		return response.body();
	}

	static String field(String json, String regex) {
		Matcher matcher = Pattern.compile(regex).matcher(json);
		if (!matcher.find()) {
			throw new IllegalStateException("no " + regex + " in " + json);
		}
		return matcher.group(1);
	}

	private static long cpuNanos() {
		return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
	}

	static URI uri(String url) {
		return URI.create(url);
	}

}
