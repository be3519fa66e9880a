package com.threadline.chat.tenant;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Credential look-ups.
 *
 * @param cacheTtl how long a look-up (API key, tenant state, signing key, revocation
 * generation) is reused; changes made on this instance invalidate it at once, other
 * instances see them within this time
 * @param cacheSize the most entries each credential cache holds
 */
@ConfigurationProperties("chat.credentials")
record CredentialProperties(@DefaultValue("30s") Duration cacheTtl, @DefaultValue("10000") long cacheSize) {

	/** A cache of credential look-ups under these settings. */
	<K, V> Cache<K, V> newCache() {
		return Caffeine.newBuilder().expireAfterWrite(this.cacheTtl).maximumSize(this.cacheSize).build();
	}

}
