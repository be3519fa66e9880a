package com.threadline.chat.tenant;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;

import com.threadline.chat.ThreadlineApplication;
import com.threadline.chat.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An operator token short enough to guess is refused before the application serves. */
class AdminTokenTests {

	@Test
	void refusesToStartWithAnAdminTokenShorterThan32Characters() {
		TestDatabase.Info db = TestDatabase.get();
		assertThatThrownBy(() -> new SpringApplicationBuilder(ThreadlineApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.username(),
				"--spring.datasource.password=" + db.password(), "--chat.database.allow-superuser=true",
				"--chat.demo.enabled=false", "--admin.token=change-me"))
			.rootCause()
			.hasMessageContaining("ADMIN_TOKEN (admin.token) is 9 characters long; it must have at least 32")
			.hasMessageContaining("openssl rand -hex 32");
	}

	@Test
	void acceptsA32CharacterTokenAndTreatsABlankOneAsUnset() {
		String token = "0123456789abcdef0123456789abcdef";
		assertThat(new AdminProperties(token).token()).isEqualTo(token);
		assertThat(new AdminProperties("  ").token()).isBlank();
		assertThat(new AdminProperties(null).token()).isNull();
		assertThatIllegalArgumentException().isThrownBy(() -> new AdminProperties(token.substring(1)))
			.withMessageContaining("31 characters long");
	}

}
