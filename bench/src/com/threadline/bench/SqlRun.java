package com.threadline.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The statements one run executed: the difference of two counter snapshots. */
final class SqlRun {

	private SqlRun() {
	}

	static Map<String, Object> diff(Map<String, Long> before, Map<String, Long> after, Map<String, String> round) {
		long statements = 0;
		long transactions = 0;
		long validations = 0;
		Map<String, Object> texts = new LinkedHashMap<>();
		for (Map.Entry<String, Long> entry : after.entrySet()) {
			long count = entry.getValue() - before.getOrDefault(entry.getKey(), 0L);
			if (count == 0 || entry.getKey().equals("(sync)")) {
				continue;
			}
			if (entry.getKey().isEmpty()) {
				validations += count;
			}
			else if (SqlCounter.transactionControl(entry.getKey())) {
				transactions += count;
			}
			else {
				statements += count;
				texts.put(entry.getKey().length() > 160 ? entry.getKey().substring(0, 160) + "…" : entry.getKey(), count);
			}
		}
		Map<String, Object> run = new LinkedHashMap<>();
		run.put("statements", statements);
		run.put("transaction_control", transactions);
		run.put("connection_checks", validations);
		run.put("round_trips", after.get("(sync)") - before.getOrDefault("(sync)", 0L));
		run.put("run_ok", "0".equals(round.get("failed")));
		run.put("sql", texts);
		return run;
	}

	static Map<String, Object> summarize(List<Map<String, Object>> runs) {
		List<Map<String, Object>> sorted = new ArrayList<>(runs);
		sorted.sort(Comparator.comparingLong(r -> (Long) r.get("statements")));
		Map<String, Object> median = sorted.get(sorted.size() / 2);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("method", "counting proxy on the PostgreSQL wire protocol (Execute and simple Query messages)");
		result.put("statements_per_run_median", median.get("statements"));
		result.put("transaction_control_median", median.get("transaction_control"));
		result.put("connection_checks_median", median.get("connection_checks"));
		result.put("round_trips_median", median.get("round_trips"));
		result.put("statements_per_run_all", runs.stream().map(r -> r.get("statements")).toList());
		result.put("median_run_statements", median.get("sql"));
		return result;
	}

}
