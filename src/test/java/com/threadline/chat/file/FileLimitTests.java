package com.threadline.chat.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.threadline.chat.support.Api;
import com.threadline.chat.support.Uploads;
import com.threadline.chat.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The size limit and the storage quota, in the one context with small ones: over either,
 * nothing is stored and no temporary file stays behind.
 */
@TestPropertySource(properties = { "chat.files.max-bytes=64KB", "chat.files.storage-per-tenant=100KB",
		"spring.webflux.multipart.file-storage-directory=${java.io.tmpdir}/threadline-file-limit-tests" })
class FileLimitTests extends IntegrationTest {

	private static final Path PARTS = Path.of(System.getProperty("java.io.tmpdir"), "threadline-file-limit-tests");

	@Test
	void refusesAFileOverTheSizeLimitWith413() throws IOException {
		WebTestClient client = this.api.as(this.api.newTenant("Big").apiKey());
		Uploads.upload(client, "assistants", "fits.bin", new byte[64 * 1024]);
		JsonNode body = Uploads
			.expect(Uploads.send(client, "assistants", "big.bin", new byte[600 * 1024], MediaType.TEXT_PLAIN), 413);
		assertThat(body.at("/error/param").asString()).isEqualTo("file");
		assertThat(body.at("/error/code").asString()).isEqualTo("file_too_large");
		assertThat(body.at("/error/type").asString()).isEqualTo("invalid_request_error");
		assertThat(Api.get(client, "/v1/files", 200).get("data")).hasSize(1);
		assertThat(leftOver()).isZero();
	}

	@Test
	void refusesAnUploadOverTheTenantsQuotaWith429() throws IOException {
		WebTestClient client = this.api.as(this.api.newTenant("Quota").apiKey());
		Uploads.upload(client, "assistants", "one.bin", new byte[60 * 1024]);
		JsonNode body = Uploads
			.expect(Uploads.send(client, "assistants", "two.bin", new byte[60 * 1024], MediaType.TEXT_PLAIN), 429);
		assertThat(body.at("/error/type").asString()).isEqualTo("insufficient_quota");
		assertThat(body.at("/error/code").asString()).isEqualTo("storage_quota_exceeded");
		assertThat(Api.get(client, "/v1/files", 200).get("data")).hasSize(1);
		Uploads.upload(client, "assistants", "small.bin", new byte[30 * 1024]);
		// Another tenant has a quota of its own.
		Uploads.upload(this.api.as(this.api.newTenant("Quota2").apiKey()), "assistants", "a.bin", new byte[60 * 1024]);
		assertThat(leftOver()).isZero();
	}

	private static long leftOver() throws IOException {
		if (!Files.isDirectory(PARTS)) {
			return 0;
		}
		try (Stream<Path> files = Files.list(PARTS)) {
			return files.count();
		}
	}

}
