package com.threadline.chat.stream;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Event streams.
 *
 * @param log where event logs live: {@code memory} (on the instance that runs the
 * stream's producer)
 * @param capacity the most events kept per stream; older ones are dropped first
 * @param retention how long a completed stream stays readable for reconnecting clients
 * @param maxIdle how long a stream that never completes is kept after its last event
 * @param keepAlive the interval of comment keep-alives on resumable streams
 */
@ConfigurationProperties("chat.stream")
public record StreamProperties(@DefaultValue("memory") String log, @DefaultValue("10000") int capacity,
		@DefaultValue("10m") Duration retention, @DefaultValue("1h") Duration maxIdle,
		@DefaultValue("15s") Duration keepAlive) {
}
