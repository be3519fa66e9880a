package com.threadline.chat.security;

import org.springframework.security.core.AuthenticationException;

/** A presented credential that is unknown, wrong, expired, revoked or used up. */
final class CredentialRejected extends AuthenticationException {

	private final String code;

	CredentialRejected(String code, String message) {
		super(message);
		this.code = code;
	}

	static CredentialRejected apiKey() {
		return new CredentialRejected("invalid_api_key", "Incorrect API key or token provided, or it has expired.");
	}

	static CredentialRejected adminToken() {
		return new CredentialRejected("invalid_admin_token", "Invalid or missing admin token.");
	}

	static CredentialRejected streamTicket() {
		return new CredentialRejected("invalid_stream_ticket",
				"Invalid stream ticket: it is unknown, expired, already used, or for another run.");
	}

	static CredentialRejected signedUrl() {
		return new CredentialRejected("invalid_signed_url",
				"Invalid signed URL: the signature does not match, or it has expired.");
	}

	String code() {
		return this.code;
	}

}
