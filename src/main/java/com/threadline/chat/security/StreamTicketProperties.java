package com.threadline.chat.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Stream tickets: what a browser's {@code EventSource} presents instead of a token in the
 * URL.
 *
 * @param ttl how long an unused ticket stays valid
 * @param maxOutstanding how many unused tickets an instance keeps at most (the oldest go
 * first)
 */
@ConfigurationProperties("chat.security.stream-tickets")
record StreamTicketProperties(@DefaultValue("60s") Duration ttl, @DefaultValue("100000") long maxOutstanding) {
}
