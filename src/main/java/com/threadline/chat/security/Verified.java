package com.threadline.chat.security;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AbstractAuthenticationToken;

import com.threadline.chat.tenant.Caller;

/**
 * A verified credential: the operator (no {@link Caller}), or a tenant's caller through
 * an API key, a user token or a stream ticket.
 */
final class Verified extends AbstractAuthenticationToken {

	private final Role role;

	private final @Nullable Caller caller;

	private Verified(Role role, @Nullable Caller caller) {
		super(role.authorities());
		this.role = role;
		this.caller = caller;
		setAuthenticated(true);
	}

	static Verified operator() {
		return new Verified(Role.OPERATOR, null);
	}

	static Verified caller(Caller caller, Role role) {
		return new Verified(role, caller);
	}

	Role role() {
		return this.role;
	}

	@Nullable Caller caller() {
		return this.caller;
	}

	@Override
	public @Nullable Object getCredentials() {
		return null;
	}

	@Override
	public Object getPrincipal() {
		return (this.caller != null) ? this.caller : "operator";
	}

}
