package com.threadline.chat.system;

/**
 * OpenAI's length and range checks on request parameters, with its wording, as 400s
 * naming the parameter.
 */
public final class Limits {

	private Limits() {
	}

	/** Returns {@code value} if it has at most {@code max} characters. */
	public static String maxLength(String value, String param, int max) {
		if (value.length() > max) {
			throw ApiException.invalid(param,
					"Invalid '%s': string too long. Expected a string with maximum length %d, but got a string with length %d instead."
						.formatted(param, max, value.length()));
		}
		return value;
	}

	/** Returns {@code value} if it lies between 0 and {@code max}, both included. */
	public static double between0And(double value, String param, double max) {
		if (value < 0 || value > max) {
			throw ApiException.invalid(param,
					"Invalid '%s': expected a number between 0 and %s, got %s.".formatted(param, max, value));
		}
		return value;
	}

}
