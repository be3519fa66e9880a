package com.threadline.chat.security;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;

import com.threadline.chat.tenant.Caller;

/**
 * Short-lived, single-use tickets for one run's event stream, so that a browser's
 * {@code EventSource} (which cannot set headers) never carries a long-lived token in a
 * URL, where logs, proxies and browser history would keep it. Kept in this instance's
 * memory.
 */
@Component
class StreamTickets {

	private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

	private final SecureRandom random = new SecureRandom();

	private final StreamTicketProperties properties;

	private final Cache<String, Ticket> unused;

	StreamTickets(StreamTicketProperties properties) {
		this.properties = properties;
		this.unused = Caffeine.newBuilder()
			.expireAfterWrite(properties.ttl())
			.maximumSize(properties.maxOutstanding())
			.build();
	}

	/** What a ticket stands for: who may follow which run, until when. */
	private record Ticket(Caller caller, String threadId, String runId, Instant expiresAt) {
	}

	/**
	 * A new ticket.
	 *
	 * @param ticket the secret the browser passes as {@code ?ticket=}
	 * @param expiresAt Unix seconds after which it is refused
	 */
	record Minted(String ticket, long expiresAt) {
	}

	/**
	 * A ticket for {@code caller} to follow run {@code runId} of thread {@code threadId};
	 * the caller must already have been shown to own both.
	 */
	Minted mint(Caller caller, String threadId, String runId) {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String ticket = "st_" + BASE64.encodeToString(bytes);
		Instant expiresAt = Instant.now().plus(this.properties.ttl());
		this.unused.put(ticket, new Ticket(caller, threadId, runId, expiresAt));
		return new Minted(ticket, expiresAt.getEpochSecond());
	}

	/**
	 * The caller of an unused, unexpired ticket for exactly this run. Presenting a ticket
	 * uses it up, whatever the outcome, so that a leaked ticket cannot be probed.
	 */
	Optional<Caller> redeem(String ticket, String threadId, String runId) {
		Ticket found = this.unused.asMap().remove(ticket);
		if (found == null || Instant.now().isAfter(found.expiresAt()) || !found.threadId().equals(threadId)
				|| !found.runId().equals(runId)) {
			return Optional.empty();
		}
		return Optional.of(found.caller());
	}

}
