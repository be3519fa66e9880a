package com.threadline.chat.tenant;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * End-user tokens.
 *
 * @param defaultTtl lifetime of a token when {@code ttl_seconds} is not given
 * @param maxTtl the longest lifetime a tenant may ask for
 */
@ConfigurationProperties("chat.user-tokens")
record UserTokenProperties(@DefaultValue("1h") Duration defaultTtl, @DefaultValue("24h") Duration maxTtl) {
}
