package com.threadline.chat.security;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;

import com.threadline.chat.support.Api;
import com.threadline.chat.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No spelling of a path reaches a handler without the credential its route needs: the
 * strict firewall refuses non-canonical paths, and the rules match the decoded,
 * normalised path.
 */
class PathTrickTests extends IntegrationTest {

	private RawHttp http;

	private Api.Tenant tenant;

	private String userToken;

	@BeforeEach
	void clients() {
		this.http = new RawHttp(this.port);
		this.tenant = this.api.newTenant("Tricks");
		this.userToken = this.api.userToken(this.tenant, "mallory");
	}

	@Test
	void noSpellingOfTheOperatorApiAnswersWithoutTheAdminToken() {
		int tenantsBefore = tenantCount();
		SoftAssertions softly = new SoftAssertions();
		for (String bearer : new String[] { null, "wrong-token", this.tenant.apiKey(), this.userToken }) {
			PathTricks.each(this.http, PathTricks.ADMIN, PathTricks.CREATE_TENANT, bearer, softly, PathTricks::refused);
		}
		softly.assertAll();
		assertThat(tenantCount()).isEqualTo(tenantsBefore);
	}

	@Test
	void noSpellingOfTheTenantApiAnswersToTheAdminTokenOrNoToken() {
		SoftAssertions softly = new SoftAssertions();
		for (String bearer : new String[] { null, "wrong-token", ADMIN_TOKEN }) {
			PathTricks.each(this.http, PathTricks.V1, PathTricks.CREATE_ASSISTANT, bearer, softly, PathTricks::refused);
		}
		softly.assertAll();
		assertThat(Api.get(this.api.as(this.tenant.apiKey()), "/v1/assistants", 200).get("data").size()).isZero();
	}

	@Test
	void theTricksOfTheIssueAnswer401Or400Now() {
		RawHttp.Response encoded = this.http.send("GET", "/%61dmin/tenants", null, null);
		assertThat(encoded.status()).isEqualTo(401);
		assertThat(Api.json(encoded.body()).at("/error/code").asString()).isEqualTo("invalid_admin_token");
		assertThat(this.http.send("POST", "/adm%69n/tenants", null, PathTricks.CREATE_TENANT).status()).isEqualTo(401);
		RawHttp.Response semicolon = this.http.send("GET", "/admin;/tenants", null, null);
		assertThat(semicolon.status()).isEqualTo(400);
		assertThat(Api.json(semicolon.body()).at("/error/type").asString()).isEqualTo("invalid_request_error");
	}

	@Test
	void theRightCredentialStillWorksOnTheCanonicalPath() {
		// The oracle can fail: the same requests with the right credential succeed.
		RawHttp.Response list = this.http.send("GET", "/admin/tenants", ADMIN_TOKEN, null);
		assertThat(list.status()).isEqualTo(200);
		RawHttp.Response created = this.http.send("POST", "/v1/assistants", this.tenant.apiKey(),
				PathTricks.CREATE_ASSISTANT);
		assertThat(created.status()).isEqualTo(200);
		Api.get(this.api.as(this.userToken), "/v1/assistants", 200);
	}

	@Test
	void userTokensReachOnlyWhatTheyMayAndKeepTheOldAnswer() {
		JsonNode courses = Api.get(this.api.as(this.userToken), "/v1/courses", 404);
		assertThat(courses.at("/error/message").asString())
			.isEqualTo("Invalid URL (GET /v1/courses): not available to user tokens.");
		Api.post(this.api.as(this.userToken), "/v1/assistants", PathTricks.CREATE_ASSISTANT, 404);
		Api.get(this.api.as(this.userToken), "/v1/threads", 200);
	}

	@Test
	void unknownRoutesAnswerAsBeforeAndOpenRoutesStayOpen() {
		// (/v3/api-docs stays open too: PlatformEndpointsTests reads it anonymously.)
		SoftAssertions softly = new SoftAssertions();
		PathTricks.noSuchRoute(softly, "GET /no/such/route", this.http.send("GET", "/no/such/route", null, null));
		softly.assertAll();
		JsonNode unknown = Api.get(this.api.as(this.tenant.apiKey()), "/nothing/here", 404);
		assertThat(unknown.at("/error/message").asString()).isEqualTo("Invalid URL: no such route.");
		Api.get(this.api.anonymous(), "/actuator/health", 200);
		this.api.anonymous().get().uri("/").exchange().expectStatus().isOk();
	}

	@Test
	void answersCarryTheSecurityHeaders() {
		RawHttp.Response response = this.http.send("GET", "/v1/assistants", this.tenant.apiKey(), null);
		assertThat(response.headers()).contains("referrer-policy: no-referrer", "x-content-type-options: nosniff",
				"x-frame-options: deny", "cache-control: no-cache, no-store");
		assertThat(response.headers()).doesNotContain("set-cookie", "www-authenticate");
	}

	@Test
	void springBootsDefaultUserIsNeverCreated(@Autowired ObjectProvider<ReactiveUserDetailsService> users) {
		assertThat(users.getIfAvailable()).isNull();
		RawHttp.Response basic = this.http.send("GET", "/admin/tenants", null, null);
		assertThat(basic.headers()).doesNotContain("www-authenticate");
	}

	private int tenantCount() {
		return Api.get(this.api.admin(), "/admin/tenants", 200).get("data").size();
	}

}
