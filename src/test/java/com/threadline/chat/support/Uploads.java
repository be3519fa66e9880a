package com.threadline.chat.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/** Multipart uploads to {@code POST /v1/files}, as the SDKs send them. */
public final class Uploads {

	private static final JsonMapper JSON = JsonMapper.shared();

	private Uploads() {
	}

	public static WebTestClient.ResponseSpec send(WebTestClient client, String purpose, String filename, byte[] bytes,
			MediaType claimed) {
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("purpose", purpose);
		body.part("file", new ByteArrayResource(bytes) {
			@Override
			public String getFilename() {
				return filename;
			}
		}).contentType(claimed);
		return client.post().uri("/v1/files").body(BodyInserters.fromMultipartData(body.build())).exchange();
	}

	public static JsonNode upload(WebTestClient client, String purpose, String filename, byte[] bytes) {
		return expect(send(client, purpose, filename, bytes, MediaType.APPLICATION_OCTET_STREAM), 200);
	}

	public static JsonNode expect(WebTestClient.ResponseSpec response, int status) {
		return JSON.readTree(response.expectStatus().isEqualTo(status).expectBody().returnResult().getResponseBody());
	}

}
