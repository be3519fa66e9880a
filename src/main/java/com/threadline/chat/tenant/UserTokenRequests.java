package com.threadline.chat.tenant;

import org.jspecify.annotations.Nullable;

import com.threadline.chat.system.ApiException;
import com.threadline.chat.system.Limits;

/** Checks the parameters of {@code /v1/user_tokens} requests. */
final class UserTokenRequests {

	private final UserTokenProperties properties;

	UserTokenRequests(UserTokenProperties properties) {
		this.properties = properties;
	}

	/**
	 * The end user a request names: required, at most 256 characters, and storable
	 * (PostgreSQL refuses NUL in text, which would otherwise surface as a 500).
	 */
	String user(@Nullable String user) {
		if (user == null || user.isBlank()) {
			throw ApiException.invalid("user", "Missing required parameter: 'user'.");
		}
		Limits.maxLength(user, "user", 256);
		if (user.indexOf('\0') >= 0) {
			throw ApiException.invalid("user", "Invalid 'user': must not contain NUL characters.");
		}
		return user;
	}

	long ttlSeconds(@Nullable Long ttlSeconds) {
		long maxTtl = this.properties.maxTtl().toSeconds();
		long ttl = (ttlSeconds != null) ? ttlSeconds : this.properties.defaultTtl().toSeconds();
		if (ttl < 1 || ttl > maxTtl) {
			throw ApiException.invalid("ttl_seconds",
					"Invalid 'ttl_seconds': expected an integer between 1 and %d, got %d.".formatted(maxTtl, ttl));
		}
		return ttl;
	}

}
