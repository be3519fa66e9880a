package com.threadline.chat.tenant;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.threadline.chat.system.ApiException;
import com.threadline.chat.tenant.context.Blocking;

/**
 * {@code POST /v1/user_tokens}: a tenant mints an expiring token for one of its end
 * users; {@code POST /v1/user_tokens/revoke} ends all of a user's tokens minted so far.
 * Both take the tenant's API key only.
 */
@RestController
class UserTokenController {

	private final UserTokens tokens;

	private final Blocking blocking;

	UserTokenController(UserTokens tokens, Blocking blocking) {
		this.tokens = tokens;
		this.blocking = blocking;
	}

	record MintRequest(@Nullable String user, @Nullable Long ttlSeconds) {
	}

	record RevokeRequest(@Nullable String user) {
	}

	@PostMapping("/v1/user_tokens")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<UserTokens.Minted> mint(Caller caller, @RequestBody MintRequest request) {
		requireApiKey(caller);
		return this.blocking.call(() -> this.tokens.mint(caller.tenantId(), request.user(), request.ttlSeconds()));
	}

	@PostMapping("/v1/user_tokens/revoke")
	Mono<UserRevocations.Revocation> revoke(Caller caller, @RequestBody RevokeRequest request) {
		requireApiKey(caller);
		return this.blocking.call(() -> this.tokens.revoke(caller.tenantId(), request.user()));
	}

	/** The security chain already keeps user tokens out; this holds if a rule slips. */
	private static void requireApiKey(Caller caller) {
		if (caller.isUser()) {
			throw ApiException.notAllowed("Invalid URL: not available to user tokens.");
		}
	}

}
