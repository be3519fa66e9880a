package com.threadline.chat.file;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.threadline.chat.support.Api;
import com.threadline.chat.support.Uploads;
import com.threadline.chat.support.IntegrationTest;
import com.threadline.chat.support.RecordedRequest;
import com.threadline.chat.support.Script;
import com.threadline.chat.support.TestImages;
import com.threadline.chat.tenant.UrlSignatures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one context with {@code chat.files.public-base-url}: a run's image_file reaches the
 * model as a short-lived signed URL, which fetches the image without a bearer, and
 * nothing else does.
 */
@Timeout(120)
@TestPropertySource(properties = "chat.files.public-base-url=https://threadline.example/base/")
class SignedImageUrlTests extends IntegrationTest {

	private static final String BASE = "https://threadline.example/base";

	@Autowired
	UrlSignatures signatures;

	@Test
	void sendsAnImageFileAsASignedUrlThatFetchesThePngWithoutABearer() {
		Api.Tenant tenant = this.api.newTenant("Signed");
		WebTestClient client = this.api.as(tenant.apiKey());
		byte[] png = TestImages.png(12, 8);
		String file = Uploads.upload(client, "vision", "chart.png", png).get("id").asString();
		String url = imageUrlSentToTheModel(client, file);
		assertThat(url).startsWith(BASE + "/v1/files/" + file + "/content?tenant=" + tenant.id() + "&expires=");
		long expires = Long.parseLong(url.replaceAll(".*expires=(\\d+).*", "$1"));
		assertThat(expires).isBetween(Instant.now().getEpochSecond() + 200, Instant.now().getEpochSecond() + 310);
		byte[] fetched = anonymous(url).expectStatus()
			.isOk()
			.expectHeader()
			.contentType("image/png")
			.expectBody()
			.returnResult()
			.getResponseBody();
		assertThat(fetched).isEqualTo(png);
	}

	@Test
	void refusesATamperedExpiredIncompleteOrMovedSignedUrl() {
		Api.Tenant tenant = this.api.newTenant("Signed refusals");
		WebTestClient client = this.api.as(tenant.apiKey());
		String file = Uploads.upload(client, "vision", "a.png", TestImages.png(4, 4)).get("id").asString();
		String other = Uploads.upload(client, "vision", "b.png", TestImages.png(5, 5)).get("id").asString();
		long expires = Instant.now().plus(Duration.ofMinutes(5)).getEpochSecond();
		String signature = this.signatures.sign(tenant.id(), file, expires);
		String good = url(file, tenant.id(), expires, signature);
		anonymous(good).expectStatus().isOk();
		String flipped = ((signature.charAt(0) == 'A') ? "B" : "A") + signature.substring(1);
		List<String> refused = List.of(url(file, tenant.id(), expires, flipped),
				url(other, tenant.id(), expires, signature), url(file, tenant.id(), expires + 60, signature),
				url(file, tenant.id(), expires, "not.base64~"));
		for (String bad : refused) {
			anonymous(bad).expectStatus().isUnauthorized();
		}
		long past = Instant.now().minusSeconds(1).getEpochSecond();
		anonymous(url(file, tenant.id(), past, this.signatures.sign(tenant.id(), file, past))).expectStatus()
			.isUnauthorized();
		for (String missing : List.of("expires", "signature", "tenant")) {
			String without = good.replaceAll("([?&])" + missing + "=[^&]*&?", "$1").replaceAll("[?&]$", "");
			anonymous(without).expectStatus().isUnauthorized();
		}
		// The signature reads this file only: not its object, not a listing.
		String query = good.substring(good.indexOf('?'));
		anonymous(BASE + "/v1/files/" + file + query).expectStatus().isUnauthorized();
		anonymous(BASE + "/v1/files" + query).expectStatus().isUnauthorized();
		// Nor any other spelling of a path: each is refused, or is this very file.
		byte[] png = anonymous(good).expectBody().returnResult().getResponseBody();
		for (String path : List.of("/v1/files/" + file + "/content/..", "/v1/files/" + file + "/content/../../../files",
				"/v1/files/" + file + "/content;x", "/v1/files/" + file + ";x/content",
				"//v1/files/" + file + "/content", "/v1/files%2f" + file + "/content",
				"/v1/files/" + file + "/%63ontent", "/v1/files/" + file + "/content/",
				"/v1/files/" + file + "/content%00", "/v1/files/" + other + "/../" + file + "/content")) {
			EntityExchangeResult<byte[]> answer = anonymous(BASE + path + query).expectBody().returnResult();
			int status = answer.getStatus().value();
			assertThat(status).as(path).isIn(200, 400, 401, 404);
			if (status == 200) {
				assertThat(answer.getResponseBody()).as(path).isEqualTo(png);
			}
		}
	}

	@Test
	void aSignedUrlOfOneTenantsFileCannotBeTurnedIntoAnothers() {
		Api.Tenant a = this.api.newTenant("Signed A");
		Api.Tenant b = this.api.newTenant("Signed B");
		String fileOfA = Uploads.upload(this.api.as(a.apiKey()), "vision", "a.png", TestImages.png(4, 4))
			.get("id")
			.asString();
		String fileOfB = Uploads.upload(this.api.as(b.apiKey()), "vision", "b.png", TestImages.png(6, 6))
			.get("id")
			.asString();
		long expires = Instant.now().plus(Duration.ofMinutes(5)).getEpochSecond();
		String signatureOfA = this.signatures.sign(a.id(), fileOfA, expires);
		anonymous(url(fileOfA, b.id(), expires, signatureOfA)).expectStatus().isUnauthorized();
		anonymous(url(fileOfB, b.id(), expires, signatureOfA)).expectStatus().isUnauthorized();
		anonymous(url(fileOfB, a.id(), expires, signatureOfA)).expectStatus().isUnauthorized();
		// A valid signature of A for B's file id names a file A does not have.
		anonymous(url(fileOfB, a.id(), expires, this.signatures.sign(a.id(), fileOfB, expires))).expectStatus()
			.isNotFound();
	}

	private String imageUrlSentToTheModel(WebTestClient client, String file) {
		String assistant = Api.post(client, "/v1/assistants", Map.of("model", "gpt-test"), 200).get("id").asString();
		this.model.enqueue(Script.text("A chart."));
		JsonNode run = Api
			.post(client, "/v1/threads/runs",
					Map.of("assistant_id", assistant, "thread", Map.of("messages",
							List.of(Map.of("role", "user", "content",
									List.of(Map.of("type", "image_file", "image_file", Map.of("file_id", file))))))),
					200);
		String thread = run.get("thread_id").asString();
		String path = "/v1/threads/" + thread + "/runs/" + run.get("id").asString();
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!Api.get(client, path, 200).get("status").asString().equals("completed")) {
			assertThat(System.nanoTime()).isLessThan(deadline);
			Thread.onSpinWait();
		}
		RecordedRequest request = this.model.lastRequest();
		return RecordedRequest.contentParts(request.userMessages().getLast())
			.getFirst()
			.path("image_url")
			.path("url")
			.asString();
	}

	private static String url(String file, String tenant, long expires, String signature) {
		return BASE + "/v1/files/" + file + "/content?tenant=" + tenant + "&expires=" + expires + "&signature="
				+ signature;
	}

	/** The signed URL's path and query, asked of this server without any credential. */
	private WebTestClient.ResponseSpec anonymous(String url) {
		return this.api.anonymous().get().uri(URI.create(this.api.baseUrl() + url.substring(BASE.length()))).exchange();
	}

}
