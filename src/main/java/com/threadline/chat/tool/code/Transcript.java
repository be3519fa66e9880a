package com.threadline.chat.tool.code;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.threadline.chat.tool.ToolResult.Output;
import com.threadline.chat.tool.ToolResult;
import com.threadline.chat.tool.code.jail.Execution;

/**
 * Turns one execution into what the model reads and what the step records: the logs
 * (capped, with a note when cut), a line per image and file produced, and for an error
 * the tail of the traceback.
 */
final class Transcript {

	private final int maxChars;

	private final List<String> notes = new ArrayList<>();

	private final List<Output> produced = new ArrayList<>();

	Transcript(int maxChars) {
		this.maxChars = maxChars;
	}

	void copiedIn(String name) {
		this.notes.add("File available: /mnt/data/" + name);
	}

	void image(String fileId, @Nullable String name) {
		this.produced.add(new Output.Image(fileId));
		this.notes.add("Image shown to the user: " + fileId + ((name != null) ? " (/mnt/data/" + name + ")" : ""));
	}

	void file(String fileId, String name, long size) {
		this.produced.add(new Output.File(fileId, "/mnt/data/" + name));
		this.notes.add("File written: sandbox:/mnt/data/%s (%d bytes, %s)".formatted(name, size, fileId));
	}

	void notStored(String name, String why) {
		this.notes.add("File written but not returned: /mnt/data/%s (%s)".formatted(name, why));
	}

	ToolResult result(Execution execution) {
		String logs = capped(execution.logs(), execution.cut(), this.maxChars);
		String error = (execution.error() != null) ? tail(execution.error(), this.maxChars / 4) : null;
		List<Output> outputs = new ArrayList<>();
		String recorded = logs + ((error != null) ? error : "");
		if (!recorded.isEmpty()) {
			outputs.add(new Output.Logs(recorded));
		}
		outputs.addAll(this.produced);
		return new ToolResult(text(logs, error), error != null, outputs);
	}

	private String text(String logs, @Nullable String error) {
		StringBuilder text = new StringBuilder(logs);
		for (String note : this.notes) {
			line(text).append(note);
		}
		if (error != null) {
			line(text).append("The code raised an error:\n").append(error);
		}
		return text.isEmpty() ? "(no output)" : text.toString();
	}

	private static StringBuilder line(StringBuilder text) {
		if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
			text.append('\n');
		}
		return text;
	}

	static String capped(String logs, boolean cut, int maxChars) {
		if (logs.length() <= maxChars && !cut) {
			return logs;
		}
		String kept = logs.substring(0, Math.min(logs.length(), maxChars));
		return kept + "\n[output cut: only the first " + kept.length() + " characters are shown]\n";
	}

	private static String tail(String text, int maxChars) {
		return (text.length() <= maxChars) ? text : "…" + text.substring(text.length() - maxChars);
	}

}
