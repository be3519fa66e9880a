package com.threadline.chat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docker-compose.yml} ships no default secret: every password, token and key must
 * be given, or compose refuses to start ({@code ${VAR:?message}}).
 */
class ComposeFileTests {

	private static final Pattern SECRET = Pattern.compile("^\\s*([A-Z_]*(?:PASSWORD|TOKEN|KEY)[A-Z_]*):\\s*(.*)$",
			Pattern.MULTILINE);

	/** Optional, not a secret with a default: without it the model provider refuses. */
	private static final List<String> OPTIONAL = List.of("OPENAI_API_KEY");

	@Test
	void everySecretIsRequiredAndNoneHasADefault() throws IOException {
		String compose = Files.readString(Path.of("docker-compose.yml"));
		Matcher secret = SECRET.matcher(compose);
		int secrets = 0;
		while (secret.find()) {
			if (OPTIONAL.contains(secret.group(1))) {
				assertThat(secret.group(2)).isEqualTo("${OPENAI_API_KEY:-}");
				continue;
			}
			secrets++;
			assertThat(secret.group(2)).as(secret.group(1)).matches("\\$\\{[A-Z_]+:\\?[^}]+}");
		}
		assertThat(secrets).isGreaterThanOrEqualTo(7);
		assertThat(compose).contains("CHAT_MASTER_KEY: ${CHAT_MASTER_KEY:?", "ADMIN_TOKEN: ${ADMIN_TOKEN:?")
			.doesNotContainPattern(":-(postgres|threadline|ask-db|change-me)");
	}

}
