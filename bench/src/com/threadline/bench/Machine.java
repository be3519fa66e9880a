package com.threadline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the figures were taken on: cores, memory, CPU, JDK, OS, load, date. */
final class Machine {

	private Machine() {
	}

	static Map<String, Object> describe(String appCommit) {
		Map<String, Object> machine = new LinkedHashMap<>();
		machine.put("date", Instant.now().toString());
		machine.put("cores", Runtime.getRuntime().availableProcessors());
		machine.put("cpu", firstValue("/proc/cpuinfo", "model name"));
		machine.put("memory_mib", Long.parseLong(firstValue("/proc/meminfo", "MemTotal").replaceAll("\\D", "")) / 1024);
		machine.put("jdk", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"));
		machine.put("os", osName() + ", kernel " + read("/proc/sys/kernel/osrelease").strip());
		machine.put("load_average_at_start", loadAverage());
		machine.put("app_commit", appCommit);
		return machine;
	}

	static String loadAverage() {
		String[] parts = read("/proc/loadavg").split(" ");
		return parts.length >= 3 ? parts[0] + " " + parts[1] + " " + parts[2] : "unknown";
	}

	private static String osName() {
		for (String line : read("/etc/os-release").split("\n")) {
			if (line.startsWith("PRETTY_NAME=")) {
				return line.substring(12).replace("\"", "");
			}
		}
		return System.getProperty("os.name");
	}

	private static String firstValue(String file, String key) {
		for (String line : read(file).split("\n")) {
			if (line.startsWith(key)) {
				return line.substring(line.indexOf(':') + 1).strip();
			}
		}
		return "0";
	}

	private static String read(String file) {
		try {
			return Files.readString(Path.of(file));
		}
		catch (IOException ex) {
			return "";
		}
	}

}
