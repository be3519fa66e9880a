package com.threadline.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The largest concurrency with no lost frame and no stall longer than 10× the pace:
 * concurrency doubles from 1 until an app round fails or {@code --ladder-max}; each
 * step also runs the direct path, so a step where the harness itself breaks is flagged.
 */
final class Ladder {

	private final Phases phases;

	private final Options o;

	Ladder(Phases phases) {
		this.phases = phases;
		this.o = phases.options();
	}

	Map<String, Object> run() throws Exception {
		List<Object> steps = new ArrayList<>();
		int largest = 0;
		String brokeAt = "none up to " + this.o.ladderMax;
		boolean harness = false;
		for (int c = 1; c <= this.o.ladderMax; c *= 2) {
			Bench.log("ladder: " + c + " concurrent runs");
			Map<String, String> app = this.phases
				.call("round ladder app " + c + " 1 " + this.o.deltas + " " + this.o.pace + " 0");
			Map<String, String> direct = this.phases
				.call("round ladder direct " + c + " 1 " + this.o.deltas + " " + this.o.pace + " 0");
			Map<String, Object> step = new LinkedHashMap<>();
			step.put("concurrency", c);
			step.putAll(Phases.prefix("app_", app));
			step.putAll(Phases.prefix("direct_", direct));
			steps.add(step);
			if (!clean(app)) {
				brokeAt = c + " (" + app.get("lost") + " frames lost, " + app.get("stalls") + " streams stalled, max gap "
						+ app.get("max_gap_ms") + " ms, error " + app.get("error") + ")";
				harness = !clean(direct);
				break;
			}
			largest = c;
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("largest_clean_concurrency", largest);
		result.put("broke_at", brokeAt);
		result.put("stall_threshold_ms", 10 * this.o.pace);
		result.put("flag", harness ? "the direct path broke at the same step: harness ceiling" : "");
		result.put("steps", steps);
		return result;
	}

	private static boolean clean(Map<String, String> round) {
		return "0".equals(round.get("failed")) && "0".equals(round.get("stalls"));
	}

}
