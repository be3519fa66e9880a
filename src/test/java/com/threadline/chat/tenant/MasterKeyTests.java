package com.threadline.chat.tenant;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import com.threadline.chat.support.IntegrationTest;
import com.threadline.chat.system.EmbeddedPostgresProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the master key comes from: the {@code CHAT_MASTER_KEY} variable, else on the
 * embedded database a generated file (mode 0600, reused), else a refusal to start.
 */
class MasterKeyTests {

	private static final byte[] AAD = "aad".getBytes(StandardCharsets.UTF_8);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(Properties.class, MasterKeyConfiguration.class);

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ MasterKeyProperties.class, EmbeddedPostgresProperties.class })
	static class Properties {

	}

	@Test
	void theEnvironmentVariableChatMasterKeyBindsTheMasterKey() {
		String key = MasterKey.generate();
		SystemEnvironmentPropertySource environment = new SystemEnvironmentPropertySource("env",
				Map.of("CHAT_MASTER_KEY", key));

		MasterKeyProperties bound = new Binder(ConfigurationPropertySources.from(environment))
			.bind("chat", MasterKeyProperties.class)
			.get();

		assertThat(bound.masterKey()).isEqualTo(key);
	}

	@Test
	void aConfiguredDatabaseWithoutMasterKeyRefusesToStartAndSaysHowToSetOne(@TempDir Path home) {
		this.runner
			.withPropertyValues("spring.datasource.url=jdbc:postgresql://db.example/threadline",
					"chat.embedded-db.data-dir=" + home.resolve("pgdata"))
			.run(context -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("CHAT_MASTER_KEY=$(openssl rand -base64 32)");
			});
		assertThat(home.resolve(MasterKeyConfiguration.KEY_FILE)).doesNotExist();
	}

	@Test
	void aConfiguredDatabaseUsesTheConfiguredKey(@TempDir Path home) {
		String key = MasterKey.generate();
		byte[] sealed = MasterKey.of(key).encrypt(AAD, AAD);
		this.runner
			.withPropertyValues("spring.datasource.url=jdbc:postgresql://db.example/threadline",
					"chat.master-key=" + key, "chat.embedded-db.data-dir=" + home.resolve("pgdata"))
			.run(context -> assertThat(context.getBean(MasterKey.class).decrypt(sealed, AAD)).isEqualTo(AAD));
	}

	@Test
	void aMalformedKeyRefusesToStart() {
		this.runner.withPropertyValues("chat.master-key=c2hvcnQ=", "chat.embedded-db.data-dir=/tmp/x/pgdata")
			.run(context -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("32 bytes, not 5"));
	}

	@Test
	void theEmbeddedStartGeneratesAKeyFileOnlyItsOwnerMayReadAndReusesIt(@TempDir Path home) throws Exception {
		ApplicationContextRunner embedded = this.runner
			.withPropertyValues("chat.embedded-db.data-dir=" + home.resolve("pgdata"));
		AtomicReference<byte[]> sealed = new AtomicReference<>();
		embedded.run(context -> sealed.set(context.getBean(MasterKey.class).encrypt(AAD, AAD)));
		Path file = home.resolve(MasterKeyConfiguration.KEY_FILE);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		String written = Files.readString(file);

		embedded.run(context -> assertThat(context.getBean(MasterKey.class).decrypt(sealed.get(), AAD)).isEqualTo(AAD));

		assertThat(Files.readString(file)).isEqualTo(written);
		assertThat(written.strip()).isNotEqualTo(IntegrationTest.MASTER_KEY);
		assertThat(java.util.Base64.getDecoder().decode(written.strip())).hasSize(32);
	}

}
