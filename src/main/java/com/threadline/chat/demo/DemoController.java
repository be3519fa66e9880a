package com.threadline.chat.demo;

import java.security.SecureRandom;
import java.util.HexFormat;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.threadline.chat.system.ApiException;
import com.threadline.chat.tenant.UserTokens;
import com.threadline.chat.tenant.context.Blocking;

/**
 * {@code POST /demo/session}: the chat page's one-click demo user. Offered only while the
 * demo is enabled (by default only on a zero-setup start); otherwise the route does not
 * exist. The server mints every demo user's name: an anonymous caller who could choose it
 * could take over another demo user's threads.
 */
@RestController
class DemoController {

	private final DemoSetup demo;

	private final UserTokens tokens;

	private final Blocking blocking;

	private final SecureRandom random = new SecureRandom();

	DemoController(DemoSetup demo, UserTokens tokens, Blocking blocking) {
		this.demo = demo;
		this.tokens = tokens;
		this.blocking = blocking;
	}

	record Session(String object, String token, String user, long expiresAt, String assistantId) {
	}

	@PostMapping("/demo/session")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Session> session() {
		DemoSetup.Demo demo = this.demo.demo()
			.orElseThrow(() -> ApiException.notAllowed("The demo is not enabled on this server."));
		String user = newUser();
		return this.blocking.call(() -> {
			UserTokens.Minted minted = this.tokens.mint(demo.tenantId(), user, null);
			return new Session("demo_session", minted.token(), minted.user(), minted.expiresAt(), demo.assistantId());
		});
	}

	/**
	 * {@code demo-} and 16 random hex digits: unguessable, and never the caller's choice.
	 */
	private String newUser() {
		byte[] bytes = new byte[8];
		this.random.nextBytes(bytes);
		return "demo-" + HexFormat.of().formatHex(bytes);
	}

}
