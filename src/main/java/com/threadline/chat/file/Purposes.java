package com.threadline.chat.file;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.threadline.chat.system.ApiException;

/** The purposes a file may have: three a client uploads, one the server produces. */
final class Purposes {

	static final String ASSISTANTS_OUTPUT = "assistants_output";

	static final List<String> UPLOADS = List.of("assistants", "vision", "user_data");

	private static final List<String> ALL = List.of("assistants", ASSISTANTS_OUTPUT, "vision", "user_data");

	private Purposes() {
	}

	static String upload(@Nullable String purpose) {
		if (purpose == null || purpose.isBlank()) {
			throw ApiException.invalid("purpose", "Missing required parameter: 'purpose'.");
		}
		if (!UPLOADS.contains(purpose)) {
			throw ApiException.invalid("purpose", "Invalid value for 'purpose': expected one of %s, got '%s'."
				.formatted(String.join(", ", UPLOADS), purpose));
		}
		return purpose;
	}

	static @Nullable String filter(@Nullable String purpose) {
		if (purpose == null || purpose.isBlank()) {
			return null;
		}
		if (!ALL.contains(purpose)) {
			throw ApiException.invalid("purpose", "Invalid value for 'purpose': expected one of %s, got '%s'."
				.formatted(String.join(", ", ALL), purpose));
		}
		return purpose;
	}

}
