package com.threadline.chat.tenant;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The master key, bound from the environment variable {@code CHAT_MASTER_KEY} (relaxed
 * binding maps it to {@code chat.master-key}).
 *
 * @param masterKey 32 random bytes in Base64 that encrypt the tenants' signing secrets;
 * required with a configured database, generated into the data directory on the
 * zero-setup embedded one
 */
@ConfigurationProperties("chat")
record MasterKeyProperties(@Nullable String masterKey) {
}
