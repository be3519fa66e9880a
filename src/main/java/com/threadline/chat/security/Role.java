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
	STREAM_TICKET,

	/** A signed, short-lived file URL: the content of the one file it was made for. */
	SIGNED_URL;

	List<GrantedAuthority> authorities() {
		return List.of(new SimpleGrantedAuthority("ROLE_" + name()));
	}

}
