package com.threadline.chat.tool.code.jail;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The tasks (processes and threads) the server's own uid runs now, read from
 * {@code /proc}. {@code RLIMIT_NPROC} counts exactly these, so on a server that is not
 * root (and cannot give a jail a uid of its own) a jail's process limit is this count
 * plus the jail's allowance.
 */
final class UserTasks {

	private UserTasks() {
	}

	static long count() {
		long tasks = 0;
		try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
			Object self = Files.getAttribute(Path.of("/proc/self/"), "unix:uid");
			for (Path process : processes) {
				tasks += threadsOf(process, self);
			}
		}
		catch (IOException | UnsupportedOperationException ex) {
			return 0;
		}
		return tasks;
	}

	private static long threadsOf(Path process, Object uid) {
		try {
			if (!uid.equals(Files.getAttribute(process, "unix:uid"))) {
				return 0;
			}
			for (String line : Files.readAllLines(process.resolve("status"))) {
				if (line.startsWith("Threads:")) {
					return Long.parseLong(line.substring("Threads:".length()).strip());
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// The process ended while we looked: it counts no more.
		}
		return 0;
	}

}
