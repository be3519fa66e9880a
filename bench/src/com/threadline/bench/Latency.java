package com.threadline.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Time to first token and per-event lag, app rounds and direct rounds in turn (the
 * order alternating, so drift hits both), warm-up rounds discarded, counted rounds
 * pooled per path; the added figure is app minus direct.
 */
final class Latency {

	private final Phases phases;

	private final Options o;

	Latency(Phases phases) {
		this.phases = phases;
		this.o = phases.options();
	}

	List<Object> run() throws Exception {
		List<Object> levels = new ArrayList<>();
		double rssPeak = 0;
		for (int concurrency : this.o.concurrency) {
			int waves = Math.max(1, Math.ceilDiv(this.o.runsPerRound, concurrency));
			List<Object> rounds = new ArrayList<>();
			double slipDirect = 0;
			double rssLevel = 0;
			boolean directBroke = false;
			int peakApp = 0;
			for (int r = 0; r < this.o.warmup + this.o.rounds; r++) {
				boolean counted = r >= this.o.warmup;
				for (String path : r % 2 == 0 ? List.of("app", "direct") : List.of("direct", "app")) {
					Bench.log("c=" + concurrency + " round " + r + (counted ? "" : " (warm-up)") + " " + path);
					this.phases.mockStats();
					this.phases.takeRssPeak();
					Map<String, String> line = this.phases.call("round c" + concurrency + "." + path + " " + path + " "
							+ concurrency + " " + waves + " " + this.o.deltas + " " + this.o.pace + " " + (counted ? 1 : 0));
					Map<String, Object> row = new LinkedHashMap<>();
					row.put("round", r);
					row.put("path", path);
					row.put("counted", counted);
					row.putAll(line);
					Map<String, String> mock = this.phases.mockStats();
					row.putAll(Phases.prefix("mock_", mock));
					if (path.equals("app") && counted) {
						peakApp = Math.max(peakApp, Integer.parseInt(line.get("peak_streaming")));
					}
					if (path.equals("app")) {
						row.put("app_rss_peak_mib", rssLevel = Math.max(rssLevel, this.phases.takeRssPeak()));
					}
					else if (counted) {
						slipDirect = Math.max(slipDirect, Double.parseDouble(mock.get("slip_p99_ms")));
						directBroke |= !"0".equals(line.get("failed")) || !"0".equals(line.get("stalls"));
					}
					rounds.add(row);
				}
			}
			Map<String, String> app = this.phases.call("summary c" + concurrency + ".app");
			Map<String, String> direct = this.phases.call("summary c" + concurrency + ".direct");
			Map<String, Object> level = new LinkedHashMap<>();
			level.put("concurrency", concurrency);
			level.put("streams_per_round", concurrency * waves);
			level.put("app_peak_streaming", peakApp);
			level.putAll(Phases.prefix("app_", app));
			level.putAll(Phases.prefix("direct_", direct));
			for (String figure : List.of("ttft_p50_ms", "ttft_p99_ms", "lag_p50_ms", "lag_p99_ms")) {
				level.put("added_" + figure, Phases.round(d(app, figure) - d(direct, figure)));
			}
			level.put("mock_slip_p99_ms_direct", slipDirect);
			level.put("app_rss_peak_mib", rssLevel);
			level.put("flags", flags(app, direct, slipDirect, directBroke, peakApp, concurrency));
			level.put("rounds", rounds);
			levels.add(level);
			rssPeak = Math.max(rssPeak, rssLevel);
			this.phases.putRss("under_load_peak_c" + concurrency + "_mib", rssLevel);
		}
		this.phases.putRss("under_load_peak_mib", rssPeak);
		return levels;
	}

	/**
	 * A figure within 10% of what the harness itself shows on the direct path, or a lag
	 * the client's own scheduling delay explains, is the harness's ceiling, not the app's.
	 */
	private List<String> flags(Map<String, String> app, Map<String, String> direct, double slipDirect,
			boolean directBroke, int peakApp, int concurrency) {
		List<String> flags = new ArrayList<>();
		if (d(app, "ttft_p50_ms") <= 1.1 * d(direct, "ttft_p50_ms")) {
			flags.add("ttft within 10% of the direct path");
		}
		if (d(app, "lag_p99_ms") <= 1.1 * d(direct, "lag_p99_ms")) {
			flags.add("lag p99 within 10% of the direct path");
		}
		if (d(app, "client_delay_p99_ms") >= 0.9 * d(app, "lag_p99_ms")) {
			flags.add("lag p99 within 10% of the load generator's own scheduling delay");
		}
		if (slipDirect > this.o.pace) {
			flags.add("the mock's pacing slipped by more than one pace on the direct path");
		}
		if (directBroke) {
			flags.add("the direct path itself lost frames or stalled at this concurrency");
		}
		if (peakApp < 0.9 * concurrency) {
			flags.add("through the app at most " + peakApp + " of the runs streamed at the same moment");
		}
		return flags;
	}

	static double d(Map<String, String> map, String key) {
		String value = map.get(key);
		return value == null ? Double.NaN : Double.parseDouble(value);
	}

}
