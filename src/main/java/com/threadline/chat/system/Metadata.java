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
		if (metadata == null) {
			return Map.of();
		}
		if (metadata.size() > 16) {
			throw ApiException.invalid("metadata",
					"Invalid 'metadata': too many properties. Expected at most 16 properties, but got %d."
						.formatted(metadata.size()));
		}
		metadata.forEach((key, value) -> {
			if (key.length() > 64) {
				throw ApiException.invalid("metadata",
						"Invalid 'metadata': string too long. Expected keys of at most 64 characters, but got a key of %d."
							.formatted(key.length()));
			}
			if (value == null) {
				throw ApiException.invalid("metadata." + key,
						"Invalid 'metadata.%s': expected a string.".formatted(key));
			}
			if (value.length() > 512) {
				throw ApiException.invalid("metadata." + key,
						"Invalid 'metadata.%s': string too long. Expected at most 512 characters, but got %d."
							.formatted(key, value.length()));
			}
		});
		return Map.copyOf(metadata);
	}

}
