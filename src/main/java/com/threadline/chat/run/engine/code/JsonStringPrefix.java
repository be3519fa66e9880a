package com.threadline.chat.run.engine.code;

import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The content of a JSON string still being written, decoded by Jackson as a string closed
 * early, as far as it holds no escape cut short (nor an escaped high surrogate whose low
 * half may still follow).
 */
final class JsonStringPrefix {

	private static final JsonFactory JSON = new JsonFactory();

	private JsonStringPrefix() {
	}

	/**
	 * The end of the longest run of string content from {@code from} that holds no escape
	 * cut short, nor an escaped high surrogate whose low half may still follow.
	 */
	static int safeEnd(byte[] bytes, int from, int to) {
		int at = from;
		while (at < to) {
			if (bytes[at] != '\\') {
				at++;
				continue;
			}
			boolean unicode = at + 1 < to && bytes[at + 1] == 'u';
			int end = at + (unicode ? 6 : 2);
			if (end > to || (unicode && highSurrogate(bytes, at) && pairMayFollow(bytes, end, to))) {
				return at;
			}
			at = end;
		}
		return to;
	}

	/** The string content between {@code from} and a {@link #safeEnd}, decoded. */
	static String decode(byte[] bytes, int from, int to) {
		byte[] closed = new byte[to - from + 2];
		closed[0] = '"';
		System.arraycopy(bytes, from, closed, 1, to - from);
		closed[closed.length - 1] = '"';
		try (JsonParser string = JSON.createParser(ObjectReadContext.empty(), closed)) {
			string.nextToken();
			return string.getString();
		}
	}

	private static boolean highSurrogate(byte[] bytes, int escape) {
		int first = Character.toLowerCase(bytes[escape + 2]);
		int second = Character.toLowerCase(bytes[escape + 3]);
		return first == 'd' && second >= '8' && second <= 'b';
	}

	/** Whether a {@code \\uXXXX} escape starting at {@code at} has not fully arrived. */
	private static boolean pairMayFollow(byte[] bytes, int at, int to) {
		return at == to || (bytes[at] == '\\' && (at + 1 == to || bytes[at + 1] == 'u') && at + 6 > to);
	}

}
