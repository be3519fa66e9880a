package com.threadline.chat.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

import reactor.core.publisher.Mono;

import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import com.threadline.chat.tenant.AdminProperties;
import com.threadline.chat.tenant.Caller;
import com.threadline.chat.tenant.Credentials;
import com.threadline.chat.tenant.UrlSignatures;
import com.threadline.chat.tenant.context.Blocking;

/**
 * Verifies a {@link PresentedCredential}: the operator token by constant-time comparison,
 * bearer tokens through {@link Credentials#resolve} (the one resolver of API keys and
 * user tokens), stream tickets by redeeming them. Being the application's only
 * {@link ReactiveAuthenticationManager} bean also keeps Spring Boot from creating its
 * default user with a generated password.
 */
@Component
class CredentialVerifier implements ReactiveAuthenticationManager {

	private final Credentials credentials;

	private final AdminProperties admin;

	private final StreamTickets tickets;

	private final UrlSignatures signatures;

	private final Blocking blocking;

	CredentialVerifier(Credentials credentials, AdminProperties admin, StreamTickets tickets, UrlSignatures signatures,
			Blocking blocking) {
		this.credentials = credentials;
		this.admin = admin;
		this.tickets = tickets;
		this.signatures = signatures;
		this.blocking = blocking;
	}

	@Override
	public Mono<Authentication> authenticate(Authentication authentication) {
		if (!(authentication instanceof PresentedCredential presented)) {
			return Mono.error(CredentialRejected.apiKey());
		}
		return switch (presented.kind()) {
			case OPERATOR_TOKEN -> operator(presented.secret());
			case BEARER -> bearer(presented.secret());
			case STREAM_TICKET -> ticket(presented);
			case SIGNED_URL -> signedUrl(presented);
		};
	}

	private Mono<Authentication> operator(String given) {
		String expected = this.admin.token();
		if (expected == null || expected.isBlank() || !sameSecret(given, expected)) {
			return Mono.error(CredentialRejected.adminToken());
		}
		return Mono.just(Verified.operator());
	}

	private Mono<Authentication> bearer(String token) {
		return this.blocking.call(() -> this.credentials.resolve(token).orElse(null))
			.<Authentication>map(caller -> Verified.caller(caller, caller.isUser() ? Role.USER : Role.API_KEY))
			.switchIfEmpty(Mono.error(CredentialRejected::apiKey));
	}

	private Mono<Authentication> ticket(PresentedCredential presented) {
		PresentedCredential.RunPath run = presented.run();
		if (run == null) {
			return Mono.error(CredentialRejected.streamTicket());
		}
		return Mono.justOrEmpty(this.tickets.redeem(presented.secret(), run.threadId(), run.runId()))
			.<Authentication>map(caller -> Verified.caller(caller, Role.STREAM_TICKET))
			.switchIfEmpty(Mono.error(CredentialRejected::streamTicket));
	}

	/**
	 * A signed file URL authenticates as its tenant, for the content of that one file
	 * (the signature covers the path's file id): unexpired, and the signature verifying.
	 */
	private Mono<Authentication> signedUrl(PresentedCredential presented) {
		PresentedCredential.SignedFile file = presented.file();
		long expires;
		try {
			expires = (file != null) ? Long.parseLong(file.expires()) : 0;
		}
		catch (NumberFormatException ex) {
			expires = 0;
		}
		if (file == null || expires < Instant.now().getEpochSecond()
				|| !this.signatures.verifies(file.tenantId(), file.fileId(), expires, presented.secret())) {
			return Mono.error(CredentialRejected.signedUrl());
		}
		return Mono.just(Verified.caller(Caller.apiKey(file.tenantId()), Role.SIGNED_URL));
	}

	/**
	 * Compares digests, so that neither the content nor the length of the expected token
	 * shows in the time a comparison takes.
	 */
	private static boolean sameSecret(String given, String expected) {
		return MessageDigest.isEqual(sha256(given), sha256(expected));
	}

	private static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

}
