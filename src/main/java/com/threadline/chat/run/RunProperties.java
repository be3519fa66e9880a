package com.threadline.chat.run;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The run engine.
 *
 * @param expiresAfter how long a run may stay active before it expires (OpenAI: 10
 * minutes)
 * @param maxToolIterations the most model turns ending in tool calls one run may take
 * @param sweepInterval how often expired and orphaned runs are looked for
 * @param heartbeatInterval how often an instance marks the runs it executes as alive
 * @param staleAfter how long without a heartbeat before an executing run counts as
 * orphaned
 * @param instanceId this instance's name on the runs it executes (default: the host name)
 * @param contextTokens the most tokens of a prompt (the models' context as far as this
 * server knows): a run's history is cut to it, and only what fits is loaded
 * @param replyFlushInterval how long the newest text of a reply still streaming may go
 * unwritten: what a crash of this instance loses of it at most
 * @param replyFlushChars how many new characters of a streaming reply are written at once
 * at the latest, whatever the interval
 */
@ConfigurationProperties("chat.run")
public record RunProperties(@DefaultValue("10m") Duration expiresAfter, @DefaultValue("10") int maxToolIterations,
		@DefaultValue("30s") Duration sweepInterval, @DefaultValue("10s") Duration heartbeatInterval,
		@DefaultValue("60s") Duration staleAfter, @Nullable String instanceId,
		@DefaultValue("128000") long contextTokens, @DefaultValue("2s") Duration replyFlushInterval,
		@DefaultValue("2048") int replyFlushChars) {

	/** This instance's name: the configured one, else the host name. */
	public String instance() {
		if (this.instanceId != null && !this.instanceId.isBlank()) {
			return this.instanceId;
		}
		try {
			return java.net.InetAddress.getLocalHost().getHostName();
		}
		catch (java.net.UnknownHostException ex) {
			return "localhost";
		}
	}

}
