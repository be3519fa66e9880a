package com.threadline.chat.security;

import java.util.List;

import org.assertj.core.api.SoftAssertions;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import com.threadline.chat.support.Api;

/**
 * The path tricks that once slipped past a filter matching the raw path, and the oracle
 * every answer to them must satisfy.
 */
final class PathTricks {

	static final String CREATE_TENANT = "{\"name\":\"Trick\"}";

	static final String CREATE_ASSISTANT = "{\"model\":\"gpt-test\",\"name\":\"Trick\"}";

	/** {@code /admin/tenants} and every spelling of it a server might read the same. */
	static final List<String> ADMIN = List.of("/admin/tenants", "/%61dmin/tenants", "/adm%69n/tenants",
			"/admin/tenant%73", "/%2561dmin/tenants", "/admin;/tenants", "/admin;x=y/tenants", "/admin/tenants;x",
			"//admin/tenants", "/./admin/tenants", "/admin/./tenants", "/%2e/admin/tenants", "/%2E/admin/tenants",
			"/admin/%2e%2e/admin/tenants", "/admin/../admin/tenants", "/x/../admin/tenants", "/admin%2ftenants",
			"/admin%2Ftenants", "/%2fadmin/tenants", "/ADMIN/tenants", "/Admin/Tenants", "/admin/TENANTS",
			"/admin/tenants/", "/admin/tenants//", "/admin//tenants", "/admin/tenants/.", "/admin/tenants%00",
			"/admin%00/tenants", "/admin\\tenants", "/admin%5ctenants", "/admin%5Ctenants", "/admin/tenants%20",
			"/admin/tenants%0a", "/admin/tenants?x=%00", "/admin", "/admin/");

	/** {@code /v1/assistants} and its spellings. */
	static final List<String> V1 = List.of("/v1/assistants", "/v1/%61ssistants", "/%761/assistants", "/v1/assistants;x",
			"/v1;/assistants", "//v1/assistants", "/./v1/assistants", "/%2e/v1/assistants", "/v1/%2e%2e/v1/assistants",
			"/v1/../v1/assistants", "/v1%2fassistants", "/%2fv1/assistants", "/V1/assistants", "/v1/Assistants",
			"/v1/assistants/", "/v1/assistants//", "/v1/assistants%00", "/v1\\assistants", "/v1%5cassistants",
			"/v1/assistants?after=%00");

	private PathTricks() {
	}

	/**
	 * Sends every variant with GET and with POST (and {@code body}) as {@code bearer}
	 * ({@code null}: none), and checks each answer with {@code oracle}.
	 */
	static void each(RawHttp http, List<String> variants, String body, @Nullable String bearer, SoftAssertions softly,
			Oracle oracle) {
		for (String variant : variants) {
			for (String method : List.of("GET", "POST")) {
				RawHttp.Response response = http.send(method, variant, bearer, method.equals("POST") ? body : null);
				oracle.check(softly, method + " " + variant + " as " + describe(bearer), response);
			}
		}
	}

	private static String describe(@Nullable String bearer) {
		return (bearer == null) ? "nobody" : bearer.substring(0, Math.min(6, bearer.length())) + "…";
	}

	interface Oracle {

		void check(SoftAssertions softly, String request, RawHttp.Response response);

	}

	/** A refusal: a 4xx (never 2xx, 3xx or 5xx) in OpenAI's error envelope. */
	static void refused(SoftAssertions softly, String request, RawHttp.Response response) {
		softly.assertThat(response.status()).as(request).isBetween(400, 499);
		if (rejectedByTheHttpServer(request)) {
			softly.assertThat(response.status()).as(request + " " + response.headers()).isEqualTo(400);
			return;
		}
		JsonNode error = envelope(response);
		softly.assertThat(error.path("message").asString("")).as(request + " message").isNotBlank();
		softly.assertThat(error.path("type").asString("")).as(request + " type").isEqualTo("invalid_request_error");
	}

	/** Exactly what an unknown route answers: 404, "Invalid URL: no such route." */
	static void noSuchRoute(SoftAssertions softly, String request, RawHttp.Response response) {
		if (rejectedByTheHttpServer(request)) {
			softly.assertThat(response.status()).as(request + " " + response.headers()).isEqualTo(400);
			return;
		}
		softly.assertThat(response.status()).as(request).isEqualTo(404);
		softly.assertThat(envelope(response).path("message").asString(""))
			.as(request + " message")
			.isEqualTo("Invalid URL: no such route.");
	}

	/**
	 * A raw backslash is not a legal character of a URI: the server refuses such a
	 * request with a bare 400 (no body) before any web filter, the firewall included,
	 * runs.
	 */
	private static boolean rejectedByTheHttpServer(String request) {
		return request.contains("\\");
	}

	private static JsonNode envelope(RawHttp.Response response) {
		try {
			return Api.json(response.body()).path("error");
		}
		catch (RuntimeException ex) {
			return Api.json("{}");
		}
	}

}
