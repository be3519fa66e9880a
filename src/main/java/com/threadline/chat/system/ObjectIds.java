package com.threadline.chat.system;

import java.security.SecureRandom;

/**
 * Object ids in OpenAI's form: a prefix such as {@code asst}, an underscore and 24 random
 * alphanumerics.
 */
public final class ObjectIds {

	private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
		.toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private ObjectIds() {
	}

	public static String next(String prefix) {
		return prefix + "_" + random(24);
	}

	/** A random alphanumeric string, e.g. for secrets. */
	public static String random(int length) {
		char[] chars = new char[length];
		for (int i = 0; i < length; i++) {
			chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
		}
		return new String(chars);
	}

}
