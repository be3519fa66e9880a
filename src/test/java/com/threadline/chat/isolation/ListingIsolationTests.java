package com.threadline.chat.isolation;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;

import com.threadline.chat.support.Api;
import com.threadline.chat.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Listings never show another tenant's or another user's objects. */
class ListingIsolationTests extends IntegrationTest {

	@Test
	void listingsShowOnlyTheCallersOwnObjects() {
		Api.Tenant a = this.api.newTenant("A");
		Api.Tenant b = this.api.newTenant("B");
		Api.post(this.api.as(a.apiKey()), "/v1/assistants", Map.of("model", "m", "name", "a-only"), 200);
		Api.post(this.api.as(this.api.userToken(a, "alice")), "/v1/threads", Map.of("metadata", Map.of("k", "a-only")),
				200);
		Api.post(this.api.as(a.apiKey()), "/v1/courses", Map.of("course_date", "2026-11-24", "start_time", "20:00",
				"end_time", "22:00", "course_name", "a-only", "instructor", "x"), 201);

		assertThat(Api.get(this.api.as(b.apiKey()), "/v1/assistants", 200).get("data")).isEmpty();
		assertThat(Api.get(this.api.as(b.apiKey()), "/v1/threads", 200).get("data")).isEmpty();
		assertThat(Api.get(this.api.as(b.apiKey()), "/v1/threads?user=alice", 200).get("data")).isEmpty();
		assertThat(Api.get(this.api.as(this.api.userToken(b, "alice")), "/v1/threads", 200).get("data")).isEmpty();
		assertThat(Api.get(this.api.as(b.apiKey()), "/v1/courses", 200).get("data")).isEmpty();
		assertThat(Api.get(this.api.as(this.api.userToken(a, "bob")), "/v1/threads", 200).get("data")).isEmpty();
		assertThat(Api.get(this.api.as(a.apiKey()), "/v1/courses", 200).get("data")).hasSize(1);
		List.of("/v1/assistants", "/v1/threads", "/v1/courses")
			.forEach(path -> assertThat(Api.get(this.api.as(a.apiKey()), path, 200).toString()).contains("a-only"));
	}

	@Test
	void fileListingsShowOnlyTheCallersOwnFiles() {
		Api.Tenant a = this.api.newTenant("A");
		Api.Tenant b = this.api.newTenant("B");
		upload(this.api.userToken(a, "alice"), "a-only-alice.txt");
		upload(a.apiKey(), "a-only-tenant.txt");
		assertThat(Api.get(this.api.as(b.apiKey()), "/v1/files", 200).get("data")).isEmpty();
		assertThat(Api.get(this.api.as(this.api.userToken(b, "alice")), "/v1/files", 200).get("data")).isEmpty();
		assertThat(Api.get(this.api.as(this.api.userToken(a, "bob")), "/v1/files", 200).get("data")).isEmpty();
		assertThat(Api.get(this.api.as(this.api.userToken(a, "alice")), "/v1/files", 200).toString())
			.contains("a-only-alice.txt")
			.doesNotContain("a-only-tenant.txt");
		assertThat(Api.get(this.api.as(a.apiKey()), "/v1/files", 200).get("data")).hasSize(2);
	}

	private void upload(String credential, String filename) {
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("purpose", "assistants");
		body.part("file", "x".getBytes()).filename(filename);
		this.api.as(credential)
			.post()
			.uri("/v1/files")
			.body(BodyInserters.fromMultipartData(body.build()))
			.exchange()
			.expectStatus()
			.isOk();
	}

}
