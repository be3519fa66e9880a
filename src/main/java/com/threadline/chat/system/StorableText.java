package com.threadline.chat.system;

import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What PostgreSQL cannot hold in {@code text} or {@code jsonb}: the NUL character, and
 * UTF-16 surrogates without their pair (which have no UTF-8 form). Input carrying either
 * is refused at the edge as a 400, never left to fail as a 500 at the database.
 */
public final class StorableText {

	private static final Pattern CAMEL_HUMP = Pattern.compile("([a-z0-9])([A-Z])");

	private StorableText() {
	}

	/** Why {@code value} cannot be stored, or {@code null} when it can. */
	public static @Nullable String problem(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\u0000') {
				return "it contains a NUL character (\\u0000)";
			}
			if (Character.isHighSurrogate(c) && i + 1 < value.length()
					&& Character.isLowSurrogate(value.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return "it contains an unpaired UTF-16 surrogate";
			}
		}
		return null;
	}

	/**
	 * OpenAI's name for a Java parameter: {@code threadId} is {@code thread_id}; header
	 * names such as {@code Last-Event-ID} stay as they are.
	 */
	public static String openAiName(String name) {
		return name.contains("-") ? name : CAMEL_HUMP.matcher(name).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
	}

	/**
	 * Returns {@code value} if it can be stored, otherwise a 400 naming {@code param}.
	 */
	public static String checked(String value, String param) {
		String problem = problem(value);
		if (problem != null) {
			throw ApiException.invalid(param, "Invalid '%s': %s, which cannot be stored.".formatted(param, problem));
		}
		return value;
	}

}
