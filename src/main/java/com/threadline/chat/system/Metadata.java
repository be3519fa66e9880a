package com.threadline.chat.system;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * OpenAI's limits on {@code metadata}: at most 16 pairs, keys up to 64 characters, values
 * up to 512.
 */
public final class Metadata {

	private Metadata() {
	}

	/**
	 * Returns {@code metadata} (empty when {@code null}) after checking OpenAI's limits.
	 */
	public static Map<String, String> checked(@Nullable Map<String, String> metadata) {
		return checked(metadata, "metadata");
	}

	/**
	 * As {@link #checked(Map)}, for metadata at {@code param} (such as
	 * {@code thread.metadata}).
	 */
	public static Map<String, String> checked(@Nullable Map<String, String> metadata, String param) {
		if (metadata == null) {
			return Map.of();
		}
		if (metadata.size() > 16) {
			throw ApiException.invalid(param,
					"Invalid '%s': too many properties. Expected at most 16 properties, but got %d.".formatted(param,
							metadata.size()));
		}
		metadata.forEach((key, value) -> {
			if (key.length() > 64) {
				throw ApiException.invalid(param,
						"Invalid '%s': string too long. Expected keys of at most 64 characters, but got a key of %d."
							.formatted(param, key.length()));
			}
			if (value == null) {
				throw ApiException.invalid(param + "." + key,
						"Invalid '%s.%s': expected a string.".formatted(param, key));
			}
			if (value.length() > 512) {
				throw ApiException.invalid(param + "." + key,
						"Invalid '%s.%s': string too long. Expected at most 512 characters, but got %d."
							.formatted(param, key, value.length()));
			}
		});
		return Map.copyOf(metadata);
	}

}
