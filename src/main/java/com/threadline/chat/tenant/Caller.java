package com.threadline.chat.tenant;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.web.server.ServerWebExchange;

/**
 * The authenticated caller of a {@code /v1} request: a tenant's API key ({@code user} is
 * {@code null}) or one of the tenant's end users holding a user token.
 *
 * @param tenantId the tenant every object the caller sees belongs to
 * @param user the end user for a user token; {@code null} for the tenant's API key
 */
public record Caller(String tenantId, @Nullable String user) {

	/**
	 * The exchange attribute under which the security chain puts the authenticated
	 * caller.
	 */
	public static final String ATTRIBUTE = Caller.class.getName();

	public static Caller apiKey(String tenantId) {
		return new Caller(tenantId, null);
	}

	public static Caller user(String tenantId, String user) {
		return new Caller(tenantId, user);
	}

	/**
	 * The authenticated caller of an exchange, once the security chain has resolved it.
	 */
	public static Optional<Caller> of(ServerWebExchange exchange) {
		return Optional.ofNullable(exchange.getAttribute(ATTRIBUTE));
	}

	/** The caller's tenant as a typed id. */
	public TenantId tenant() {
		return TenantId.of(this.tenantId);
	}

	/** Whether this is an end user's token rather than the tenant's API key. */
	public boolean isUser() {
		return this.user != null;
	}

	/**
	 * Whether the caller may see an object owned by {@code owner} (an API key sees all of
	 * its tenant's).
	 */
	public boolean mayAccess(@Nullable String owner) {
		return this.user == null || this.user.equals(owner);
	}

}
