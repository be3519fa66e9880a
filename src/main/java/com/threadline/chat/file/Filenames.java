package com.threadline.chat.file;

import org.jspecify.annotations.Nullable;

import com.threadline.chat.system.ApiException;

/**
 * A client's filename, reduced to its base name: no directories, no control characters,
 * at most {@value #MAX_LENGTH} characters. It is shown back, never used in a path.
 */
final class Filenames {

	static final int MAX_LENGTH = 255;

	private Filenames() {
	}

	static String checked(@Nullable String raw) {
		if (raw == null) {
			throw invalid("a filename is required");
		}
		String name = raw.substring(Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\')) + 1).strip();
		if (name.isEmpty() || name.equals(".") || name.equals("..")) {
			throw invalid("a filename is required");
		}
		if (name.codePoints().anyMatch(Filenames::control)) {
			throw invalid("the filename may not hold control characters");
		}
		if (name.length() > MAX_LENGTH) {
			throw invalid("the filename may have at most %d characters".formatted(MAX_LENGTH));
		}
		return name;
	}

	private static boolean control(int codePoint) {
		return Character.isISOControl(codePoint) || Character.getType(codePoint) == Character.FORMAT
				|| codePoint == 0xFFFD;
	}

	private static ApiException invalid(String why) {
		return ApiException.invalid("file", "Invalid 'file': %s.".formatted(why));
	}

}
