package com.threadline.chat.security;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A credential as the client presented it, not yet verified: a bearer token for the
 * operator API or for {@code /v1}, or a stream ticket together with the run whose events
 * it was presented for.
 */
final class PresentedCredential extends AbstractAuthenticationToken {

	enum Kind {

		OPERATOR_TOKEN, BEARER, STREAM_TICKET, SIGNED_URL

	}

	/** The thread and run named by an events path. */
	record RunPath(String threadId, String runId) {
	}

	/** What a signed file URL claims: the tenant's file and until when. */
	record SignedFile(String tenantId, String fileId, String expires) {
	}

	private final Kind kind;

	private final String secret;

	private final @Nullable RunPath run;

	private final @Nullable SignedFile file;

	private PresentedCredential(Kind kind, String secret, @Nullable RunPath run, @Nullable SignedFile file) {
		super(List.of());
		this.kind = kind;
		this.secret = secret;
		this.run = run;
		this.file = file;
	}

	static PresentedCredential operator(String token) {
		return new PresentedCredential(Kind.OPERATOR_TOKEN, token, null, null);
	}

	static PresentedCredential bearer(String token) {
		return new PresentedCredential(Kind.BEARER, token, null, null);
	}

	static PresentedCredential ticket(String ticket, RunPath run) {
		return new PresentedCredential(Kind.STREAM_TICKET, ticket, run, null);
	}

	static PresentedCredential signedUrl(String signature, SignedFile file) {
		return new PresentedCredential(Kind.SIGNED_URL, signature, null, file);
	}

	Kind kind() {
		return this.kind;
	}

	String secret() {
		return this.secret;
	}

	@Nullable RunPath run() {
		return this.run;
	}

	@Nullable SignedFile file() {
		return this.file;
	}

	@Override
	public Object getCredentials() {
		return this.secret;
	}

	@Override
	public @Nullable Object getPrincipal() {
		return null;
	}

	@Override
	public String toString() {
		// Never print the secret (Spring Security logs authentications at debug level).
		return "PresentedCredential[" + this.kind + "]";
	}

}
