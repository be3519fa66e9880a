package com.threadline.chat.tool;

import java.util.List;

/**
 * A tool call's result: the text the model reads next, and what the call produced for the
 * run's records (a {@code code_interpreter} call's logs, images and files).
 *
 * @param output the output the model reads (for an error, a short message the model can
 * act on)
 * @param error whether the call failed
 * @param outputs what the call produced, in order, as the step records it; empty for a
 * plain function
 */
public record ToolResult(String output, boolean error, List<Output> outputs) {

	public ToolResult {
		outputs = List.copyOf(outputs);
	}

	public static ToolResult ok(String output) {
		return new ToolResult(output, false, List.of());
	}

	public static ToolResult error(String message) {
		return new ToolResult(message, true, List.of());
	}

	/** Something a call produced besides its text. */
	public sealed interface Output {

		/** Text the code printed (standard output and error, interleaved). */
		record Logs(String logs) implements Output {
		}

		/** An image the code showed or wrote, stored as a File. */
		record Image(String fileId) implements Output {
		}

		/**
		 * A file the code wrote, stored as a File; the reply cites it as {@code path}
		 * (for {@code sandbox:/mnt/data/…} links, a {@code file_path} annotation).
		 */
		record File(String fileId, String path) implements Output {
		}

	}

}
