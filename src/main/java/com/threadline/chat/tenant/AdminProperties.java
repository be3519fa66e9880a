package com.threadline.chat.tenant;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operator API.
 *
 * @param token bearer token for {@code /admin/**} ({@code ADMIN_TOKEN}); when unset the
 * operator API is disabled
 */
@ConfigurationProperties("admin")
public record AdminProperties(@Nullable String token) {
}
