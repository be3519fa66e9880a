package com.threadline.chat.file;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import com.threadline.chat.support.Api;
import com.threadline.chat.support.Uploads;
import com.threadline.chat.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Uploads that are missing parts, malformed, or large. */
class FileUploadHostileTests extends IntegrationTest {

	@Test
	void refusesAnUploadWithoutAFileOrAValidPurpose() {
		WebTestClient client = this.api.as(this.api.newTenant("Hostile").apiKey());
		MultipartBodyBuilder noFile = new MultipartBodyBuilder();
		noFile.part("purpose", "assistants");
		assertParam(client.post().uri("/v1/files").body(BodyInserters.fromMultipartData(noFile.build())).exchange(),
				400, "file");
		MultipartBodyBuilder noPurpose = new MultipartBodyBuilder();
		noPurpose.part("file", new byte[] { 1 }).filename("a.bin");
		assertParam(client.post().uri("/v1/files").body(BodyInserters.fromMultipartData(noPurpose.build())).exchange(),
				400, "purpose");
		assertParam(Uploads.send(client, "fine-tune", "a.txt", "x".getBytes(), MediaType.TEXT_PLAIN), 400, "purpose");
		assertParam(Uploads.send(client, "assistants_output", "a.txt", "x".getBytes(), MediaType.TEXT_PLAIN), 400,
				"purpose");
		assertParam(client.post()
			.uri("/v1/files")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"purpose\":\"assistants\"}")
			.exchange(), 400, "file");
		assertThat(Api.get(client, "/v1/files", 200).get("data")).isEmpty();
	}

	@Test
	void refusesMalformedMultipartAndBadFilenames() {
		WebTestClient client = this.api.as(this.api.newTenant("Malformed").apiKey());
		String broken = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nno end";
		assertParam(client.post()
			.uri("/v1/files")
			.contentType(MediaType.parseMediaType("multipart/form-data; boundary=b"))
			.bodyValue(broken)
			.exchange(), 400, "file");
		assertParam(raw(client, "a\u0000.txt"), 400, "file");
		assertParam(raw(client, "a\u0007b.txt"), 400, "file");
		assertParam(Uploads.send(client, "assistants", "../", "x".getBytes(), MediaType.TEXT_PLAIN), 400, "file");
		assertParam(Uploads.send(client, "assistants", "x".repeat(256), "x".getBytes(), MediaType.TEXT_PLAIN), 400,
				"file");
		JsonNode traversal = Uploads.upload(client, "assistants", "../../etc/passwd", "root".getBytes());
		assertThat(traversal.get("filename").asString()).isEqualTo("passwd");
		JsonNode windows = Uploads.upload(client, "assistants", "..\\..\\boot.ini", "x".getBytes());
		assertThat(windows.get("filename").asString()).isEqualTo("boot.ini");
		assertThat(Api.get(client, "/v1/files", 200).get("data")).hasSize(2);
	}

	@Test
	void streamsALargeUploadByteExact() throws Exception {
		WebTestClient client = this.api.as(this.api.newTenant("Large").apiKey());
		int chunk = 64 * 1024;
		int chunks = 1024; // 64 MB
		MessageDigest sent = MessageDigest.getInstance("SHA-256");
		Random random = new Random(42);
		Flux<DataBuffer> body = Flux.range(0, chunks).map(i -> {
			byte[] bytes = new byte[chunk];
			random.nextBytes(bytes);
			sent.update(bytes);
			return DefaultDataBufferFactory.sharedInstance.wrap(bytes);
		});
		MultipartBodyBuilder multipart = new MultipartBodyBuilder();
		multipart.part("purpose", "assistants");
		multipart.asyncPart("file", body, DataBuffer.class).filename("large.bin");
		JsonNode file = Uploads.expect(
				client.post().uri("/v1/files").body(BodyInserters.fromMultipartData(multipart.build())).exchange(),
				200);
		assertThat(file.get("bytes").asLong()).isEqualTo((long) chunk * chunks);

		MessageDigest received = MessageDigest.getInstance("SHA-256");
		client.get()
			.uri("/v1/files/{id}/content", file.get("id").asString())
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(DataBuffer.class)
			.getResponseBody()
			.doOnNext(buffer -> {
				byte[] bytes = new byte[buffer.readableByteCount()];
				buffer.read(bytes);
				received.update(bytes);
			})
			.blockLast();
		assertThat(HexFormat.of().formatHex(received.digest())).isEqualTo(HexFormat.of().formatHex(sent.digest()));
	}

	/** An upload written by hand, so that no client library cleans the filename. */
	private static WebTestClient.ResponseSpec raw(WebTestClient client, String filename) {
		String body = "--b\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nassistants\r\n"
				+ "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--\r\n";
		return client.post()
			.uri("/v1/files")
			.contentType(MediaType.parseMediaType("multipart/form-data; boundary=b"))
			.bodyValue(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
			.exchange();
	}

	static void assertParam(WebTestClient.ResponseSpec response, int status, String param) {
		JsonNode body = Uploads.expect(response, status);
		assertThat(body.at("/error/param").asString()).as(body.toString()).isEqualTo(param);
	}

}
