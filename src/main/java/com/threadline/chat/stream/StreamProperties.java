package com.threadline.chat.stream;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Event streams.
 *
 * @param log where event logs live: {@code memory} (on the instance that runs the
 * stream's producer)
 * @param capacity the most events one stream may hold; its producer is told to stop past
 * it (a live stream never loses events)
 * @param retention how long a completed stream stays readable for reconnecting clients
 * @param maxIdle how long a stream that never completes is kept after its last event
 * @param keepAlive the interval of comment keep-alives on resumable streams
 * @param maxRunBytes the most framed bytes one stream may hold; its producer is told to
 * stop past it, and appends past three times this are refused
 * @param maxBytes the most framed bytes the log holds on this instance; completed streams
 * are dropped first (oldest first), and past it with live streams alone, their producers
 * are told to stop
 */
@ConfigurationProperties("chat.stream")
public record StreamProperties(@DefaultValue("memory") String log, @DefaultValue("100000") int capacity,
		@DefaultValue("10m") Duration retention, @DefaultValue("1h") Duration maxIdle,
		@DefaultValue("15s") Duration keepAlive, @DefaultValue("16MB") DataSize maxRunBytes,
		@DefaultValue("128MB") DataSize maxBytes) {

	public StreamProperties {
		if (capacity < 1) {
			throw new IllegalArgumentException("chat.stream.capacity must be at least 1");
		}
		if (maxRunBytes.toBytes() < 1024 || maxBytes.toBytes() < maxRunBytes.toBytes()) {
			throw new IllegalArgumentException(
					"chat.stream.max-run-bytes must be at least 1KB and at most chat.stream.max-bytes");
		}
	}

}
