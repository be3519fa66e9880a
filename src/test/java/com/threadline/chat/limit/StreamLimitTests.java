package com.threadline.chat.limit;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import com.threadline.chat.support.Api;
import com.threadline.chat.support.IntegrationTest;
import com.threadline.chat.support.Script;

import static org.assertj.core.api.Assertions.assertThat;

class StreamLimitTests extends IntegrationTest {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void slotIsReleasedWhenAStreamEndsOrFails() throws Exception {
		LimitFixtures tenant = new LimitFixtures(this.api, "Streams end", Map.of("streams_per_tenant", 1));
		String assistant = tenant.assistant();
		for (int i = 0; i < 3; i++) {
			HttpResponse<String> failed = HTTP.send(
					post(tenant.tenant.apiKey(), "/v1/threads/runs",
							Map.of("assistant_id", "asst_missing", "stream", true)),
					HttpResponse.BodyHandlers.ofString());
			assertThat(failed.statusCode()).isEqualTo(404);
			this.model.enqueue(Script.text("Hi", " there."));
			HttpResponse<String> streamed = HTTP.send(
					post(tenant.tenant.apiKey(), "/v1/threads/runs", Map.of("assistant_id", assistant, "stream", true)),
					HttpResponse.BodyHandlers.ofString());
			assertThat(streamed.statusCode()).isEqualTo(200);
			assertThat(streamed.body()).contains("event: thread.run.completed").endsWith("data: [DONE]\n\n");
		}
	}

	@Test
	void userAtItsStreamLimitIsRefusedUntilTheClientDisconnects() throws Exception {
		LimitFixtures tenant = new LimitFixtures(this.api, "Streams cut", Map.of("streams_per_user", 1));
		String assistant = tenant.assistant();
		String alice = this.api.userToken(tenant.tenant, "alice");
		this.model.enqueue(Script.toolCalls(Script.call("call_s", "get_weather", "{}")));
		String thread = tenant.thread(this.api.as(alice));
		String run = Api
			.post(this.api.as(alice), "/v1/threads/" + thread + "/runs", Map.of("assistant_id", assistant), 200)
			.get("id")
			.asString();
		tenant.awaitRun(thread, run, "requires_action");
		String events = "/v1/threads/" + thread + "/runs/" + run + "/events";

		HttpResponse<InputStream> open = HTTP.send(get(alice, events), HttpResponse.BodyHandlers.ofInputStream());
		assertThat(open.statusCode()).isEqualTo(200);
		assertThat(open.body().read()).isNotNegative();
		HttpResponse<String> refused = HTTP.send(get(alice, events), HttpResponse.BodyHandlers.ofString());
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(Api.json(refused.body()).at("/error/message").asString())
			.startsWith("Rate limit reached for open streams per user");
		assertThat(refused.headers().firstValue("Retry-After")).contains("1");
		assertThat(refused.headers().firstValue("x-ratelimit-limit-requests")).contains("1");
		assertThat(refused.headers().firstValue("x-ratelimit-remaining-requests")).contains("0");

		String other = tenant.thread(this.api.as(alice));
		HttpResponse<String> refusedRun = HTTP.send(
				post(alice, "/v1/threads/" + other + "/runs", Map.of("assistant_id", assistant, "stream", true)),
				HttpResponse.BodyHandlers.ofString());
		assertThat(refusedRun.statusCode()).isEqualTo(429);
		assertThat(Api.get(tenant.key, "/v1/threads/" + other + "/runs", 200).get("data").isEmpty()).isTrue();

		open.body().close();
		assertThat(reopens(alice, events)).isTrue();
		Api.post(tenant.key, "/v1/threads/" + thread + "/runs/" + run + "/cancel", Map.of(), 200);
	}

	/**
	 * Whether the events stream opens again within a few seconds of the client leaving.
	 */
	private boolean reopens(String credential, String events) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (System.nanoTime() < deadline) {
			HttpResponse<InputStream> again = HTTP.send(get(credential, events),
					HttpResponse.BodyHandlers.ofInputStream());
			try (InputStream body = again.body()) {
				if (again.statusCode() == 200) {
					return true;
				}
			}
			LimitFixtures.sleep(100);
		}
		return false;
	}

	private HttpRequest get(String credential, String path) {
		return HttpRequest.newBuilder(URI.create(this.api.baseUrl() + path))
			.header("Authorization", "Bearer " + credential)
			.GET()
			.build();
	}

	private HttpRequest post(String credential, String path, Object body) {
		return HttpRequest.newBuilder(URI.create(this.api.baseUrl() + path))
			.header("Authorization", "Bearer " + credential)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JsonMapper.shared().writeValueAsString(body)))
			.build();
	}

}
