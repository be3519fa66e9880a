package com.threadline.chat.tenant;

import java.nio.file.Path;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import com.threadline.chat.system.EmbeddedPostgresProperties;

/**
 * Where the master key comes from: {@code CHAT_MASTER_KEY} when set; else, on the
 * zero-setup embedded database only, a key generated once and kept next to its data
 * ({@code master.key} beside {@code chat.embedded-db.data-dir}, since PostgreSQL wants
 * its own directory to itself). A configured database without a master key refuses to
 * start: generating one there would silently tie the tenants' keys to one machine's disk.
 */
@Configuration(proxyBeanMethods = false)
class MasterKeyConfiguration {

	static final String KEY_FILE = "master.key";

	@Bean
	MasterKey masterKey(MasterKeyProperties properties, EmbeddedPostgresProperties embedded, Environment environment) {
		String configured = properties.masterKey();
		if (configured != null && !configured.isBlank()) {
			return MasterKey.of(configured);
		}
		if (!environment.getProperty("spring.datasource.url", "").isBlank()) {
			throw new IllegalStateException(
					"No master key: a configured database (spring.datasource.url) needs one. " + MasterKey.HOW_TO_SET);
		}
		return MasterKey.of(MasterKeyFile.loadOrCreate(keyFile(embedded.dataDir())));
	}

	static Path keyFile(Path dataDir) {
		Path parent = dataDir.toAbsolutePath().getParent();
		return (parent != null) ? parent.resolve(KEY_FILE) : dataDir.resolve(KEY_FILE);
	}

}
