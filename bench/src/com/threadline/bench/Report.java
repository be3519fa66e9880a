package com.threadline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The markdown table (printed and written) and the JSON with every round. */
final class Report {

	private final List<String> lines = new ArrayList<>();

	private Report() {
	}

	static void write(Bench bench) throws IOException {
		Report report = new Report();
		report.table(bench.results, bench.options);
		String markdown = String.join("\n", report.lines) + "\n";
		String json = Json.write(bench.results);
		Files.writeString(bench.dir.resolve("bench.md"), markdown);
		Files.writeString(bench.dir.resolve("bench.json"), json);
		Files.writeString(bench.options.out.resolve("latest.md"), markdown);
		Files.writeString(bench.options.out.resolve("latest.json"), json);
		System.out.print(markdown);
		Bench.log("wrote " + bench.dir.resolve("bench.md") + " and bench.json");
	}

	@SuppressWarnings("unchecked")
	private void table(Map<String, Object> r, Options o) {
		Map<String, Object> m = (Map<String, Object>) r.get("machine");
		this.lines.add("Threadline benchmark, " + m.get("date") + " (commit " + m.get("app_commit") + ")  ");
		this.lines.add(m.get("cores") + " cores (" + m.get("cpu") + "), " + m.get("memory_mib") + " MiB, "
				+ m.get("jdk") + ", " + m.get("os") + "; load average " + m.get("load_average_at_start") + " at start, "
				+ r.get("load_average_at_end") + " at end  ");
		this.lines.add("mock: " + o.deltas + " deltas " + o.pace + " ms apart; " + o.warmup + " warm-up + " + o.rounds
				+ " counted rounds per concurrency, app and direct in turn; options: `" + r.get("options") + "`");
		this.lines.add("");
		this.lines.add("| figure | through the app | direct to the mock (harness) | added by the app | flag |");
		this.lines.add("|---|---|---|---|---|");
		for (Object item : (List<Object>) r.getOrDefault("latency", List.of())) {
			Map<String, Object> l = (Map<String, Object>) item;
			String c = "at " + l.get("concurrency");
			String flags = String.join("; ", (List<String>) l.get("flags"));
			row("TTFT p50 / p99 " + c, ms(l, "app_ttft_p50_ms") + " / " + ms(l, "app_ttft_p99_ms"),
					ms(l, "direct_ttft_p50_ms") + " / " + ms(l, "direct_ttft_p99_ms"),
					signed(l, "added_ttft_p50_ms") + " / " + signed(l, "added_ttft_p99_ms"), ttftFlag(flags));
			row("per-event lag p50 / p99 " + c, ms(l, "app_lag_p50_ms") + " / " + ms(l, "app_lag_p99_ms"),
					ms(l, "direct_lag_p50_ms") + " / " + ms(l, "direct_lag_p99_ms"),
					signed(l, "added_lag_p50_ms") + " / " + signed(l, "added_lag_p99_ms"),
					lagFlag(flags) + " (client delay p99 " + ms(l, "app_client_delay_p99_ms") + ", mock slip p99 "
							+ l.get("mock_slip_p99_ms_direct") + " ms)");
		}
		Map<String, Object> ladder = (Map<String, Object>) r.get("ladder");
		if (ladder != null) {
			row("largest concurrency, no lost frame, no stall > " + ladder.get("stall_threshold_ms") + " ms",
					String.valueOf(ladder.get("largest_clean_concurrency")), "", "broke at " + ladder.get("broke_at"),
					String.valueOf(ladder.get("flag")));
		}
		Map<String, Object> f = (Map<String, Object>) r.get("followers");
		if (f != null) {
			List<Object> steps = (List<Object>) f.get("steps");
			Map<String, Object> last = steps.isEmpty() ? Map.of() : (Map<String, Object>) steps.get(steps.size() - 1);
			row("idle followers of the events endpoint held", String.valueOf(f.get("held")), "",
					"limit: " + f.get("limit"), "");
			row("heap / RSS per idle follower (at " + last.get("open") + ")", last.get("heap_kib_per_follower")
					+ " KiB / " + last.get("rss_kib_per_follower") + " KiB", "", "heap after full GC "
							+ last.get("heap_after_gc_mib") + " MiB, before " + f.get("heap_before_mib") + " MiB",
					"");
		}
		Map<String, Object> sql = (Map<String, Object>) r.get("sql");
		if (sql != null) {
			row("SQL statements per create-thread-and-run (one message)",
					String.valueOf(sql.get("statements_per_run_median")), "",
					"+ " + sql.get("transaction_control_median") + " BEGIN/COMMIT, " + sql.get("connection_checks_median")
							+ " connection checks; " + sql.get("round_trips_median")
							+ " round trips; all runs " + sql.get("statements_per_run_all"),
					"");
		}
		Map<String, Object> s = (Map<String, Object>) r.get("startup");
		if (s != null) {
			startup(s, (Map<String, Object>) r.getOrDefault("rss", Map.of()));
		}
		Map<String, Object> rss = (Map<String, Object>) r.get("rss");
		if (rss != null) {
			row("RSS at rest / peak under streaming load", rss.get("at_rest_mib") + " MiB / "
					+ (rss.containsKey("under_load_peak_mib") ? rss.get("under_load_peak_mib") + " MiB" : "not run"), "",
					"heap at rest after GC "
							+ rss.get("heap_at_rest_after_gc_mib") + " MiB; JVM options " + o.appJvm,
					"");
		}
		this.lines.add("");
		this.lines.add("Figures taken on a shared machine under load are indicative; the flags name figures that"
				+ " sit at the harness's own ceiling rather than the app's.");
	}

	@SuppressWarnings("unchecked")
	private void startup(Map<String, Object> s, Map<String, Object> rss) {
		row("start to healthy, first start (`java -jar`, fresh database: migrations)", s.get("first_start_s") + " s",
				"", "", "");
		Map<String, Object> aot = (Map<String, Object>) s.get("aot");
		if (aot == null) {
			return;
		}
		List<Object> use = (List<Object>) aot.getOrDefault("cache_use", List.of());
		String rejected = use.stream().map(String::valueOf).filter(v -> !"accepted".equals(v)).findFirst()
			.map(v -> "cache not used: " + v).orElse(use.isEmpty() ? "" : "cache accepted at every start");
		row("start to healthy, restart p50: with AOT cache / without (`java -jar`)",
				s.get("restart_aot_p50_s") + " s / " + s.get("restart_plain_p50_s") + " s", "",
				"each: with " + s.get("restarts_aot_s") + " s, without " + s.get("restarts_plain_s")
						+ " s, alternated; RSS at rest with " + rss.get("at_rest_after_restart_aot_mib") + " MiB, without "
						+ rss.get("at_rest_after_restart_plain_mib") + " MiB",
				rejected);
		row("AOT cache training (`docker/aot-train.sh`, once)", aot.getOrDefault("training_s", "not run") + " s", "",
				"cache " + aot.getOrDefault("cache_mib", "–") + " MiB; jar extracted in " + aot.get("extract_s") + " s",
				Boolean.TRUE.equals(aot.get("trained")) ? "" : "training failed: " + aot.get("error"));
	}

	private static String ttftFlag(String flags) {
		return flags.contains("ttft within") ? "within 10% of the direct path" : "";
	}

	private static String lagFlag(String flags) {
		return flags.replace("ttft within 10% of the direct path", "").replaceFirst("^; ", "");
	}

	private void row(String figure, String app, String direct, String added, String flag) {
		this.lines.add("| " + figure + " | " + app + " | " + direct + " | " + added + " | " + flag + " |");
	}

	private static String signed(Map<String, Object> map, String key) {
		Object value = map.get(key);
		return value == null ? "?" : (((Number) value).doubleValue() >= 0 ? "+" : "") + value + " ms";
	}

	private static String ms(Map<String, Object> map, String key) {
		Object value = map.get(key);
		return value == null ? "?" : value + " ms";
	}

}
