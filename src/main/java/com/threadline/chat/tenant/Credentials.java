package com.threadline.chat.tenant;

import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The one place that turns a bearer credential into a {@link Caller}: a tenant API key
 * ({@code sk-…}) or an end user's token. Blocking (it may read the database): call it off
 * the event loop.
 */
@Component
public class Credentials {

	private final TenantService tenants;

	private final UserTokens userTokens;

	Credentials(TenantService tenants, UserTokens userTokens) {
		this.tenants = tenants;
		this.userTokens = userTokens;
	}

	/**
	 * The caller {@code bearer} stands for, if it is a known, unrevoked, unexpired
	 * credential of an enabled tenant.
	 */
	public Optional<Caller> resolve(String bearer) {
		return bearer.startsWith("sk-") ? this.tenants.authenticate(bearer) : this.userTokens.verify(bearer);
	}

}
