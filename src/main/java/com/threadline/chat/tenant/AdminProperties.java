package com.threadline.chat.tenant;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operator API.
 *
 * @param token bearer token for {@code /admin/**} ({@code ADMIN_TOKEN}); when unset the
 * operator API is disabled; when set, at least {@value #MIN_TOKEN_LENGTH} characters
 */
@ConfigurationProperties("admin")
public record AdminProperties(@Nullable String token) {

	/** The shortest operator token accepted: a guessable one would open every tenant. */
	static final int MIN_TOKEN_LENGTH = 32;

	public AdminProperties {
		if (token != null && !token.isBlank() && token.strip().length() < MIN_TOKEN_LENGTH) {
			throw new IllegalArgumentException(("ADMIN_TOKEN (admin.token) is %d characters long; it must have at "
					+ "least %d. Generate one with: openssl rand -hex 32 (or leave ADMIN_TOKEN unset to disable the "
					+ "operator API).")
				.formatted(token.strip().length(), MIN_TOKEN_LENGTH));
		}
	}

}
