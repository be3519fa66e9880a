package com.threadline.chat.security;

import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** What kind of credential authenticated a request; the access rules grant by role. */
enum Role {

	/** The operator's {@code ADMIN_TOKEN}: {@code /admin/**} only. */
	OPERATOR,

	/** A tenant's API key: all of {@code /v1}. */
	API_KEY,

	/** An end user's token: assistants read-only, and their own threads. */
	USER,

	/** A single-use stream ticket: the events of the one run it was minted for. */
	STREAM_TICKET;

	List<GrantedAuthority> authorities() {
		return List.of(new SimpleGrantedAuthority("ROLE_" + name()));
	}

}
