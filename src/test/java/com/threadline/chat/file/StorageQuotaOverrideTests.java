package com.threadline.chat.file;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.threadline.chat.support.Api;
import com.threadline.chat.support.Uploads;
import com.threadline.chat.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator lowers one tenant's file storage quota with {@code storage_bytes} in
 * {@code /admin/tenants/{id}/limits}; uploads past it are a 429, and restoring the
 * default lifts it.
 */
@Timeout(60)
class StorageQuotaOverrideTests extends IntegrationTest {

	@Test
	void anUploadOverTheOperatorsLoweredQuotaIsA429() {
		Api.Tenant tenant = this.api.newTenant("Small storage");
		WebTestClient client = this.api.as(tenant.apiKey());
		String path = "/admin/tenants/" + tenant.id() + "/limits";
		Uploads.upload(client, "assistants", "one.bin", new byte[40 * 1024]);
		JsonNode changed = Api.post(this.api.admin(), path, Map.of("storage_bytes", 50_000), 200);
		assertThat(changed.at("/overridden/storage_bytes").asLong()).isEqualTo(50_000);
		assertThat(Api.get(this.api.admin(), path, 200).at("/limits/storage_bytes").asLong()).isEqualTo(50_000);

		JsonNode refused = Uploads
			.expect(Uploads.send(client, "assistants", "two.bin", new byte[20 * 1024], MediaType.TEXT_PLAIN), 429);
		assertThat(refused.at("/error/type").asString()).isEqualTo("insufficient_quota");
		assertThat(refused.at("/error/code").asString()).isEqualTo("storage_quota_exceeded");
		assertThat(refused.at("/error/message").asString()).contains("50000 bytes");
		Uploads.upload(client, "assistants", "fits.bin", new byte[5 * 1024]);
		assertThat(Api.get(client, "/v1/files", 200).get("data")).hasSize(2);

		Map<String, Object> restore = new HashMap<>();
		restore.put("storage_bytes", null);
		assertThat(Api.post(this.api.admin(), path, restore, 200).at("/overridden").has("storage_bytes")).isFalse();
		Uploads.upload(client, "assistants", "two.bin", new byte[20 * 1024]);
	}

	@Test
	void refusesAStorageLimitThatIsNoPositiveInteger() {
		Api.Tenant tenant = this.api.newTenant("Bad storage");
		String path = "/admin/tenants/" + tenant.id() + "/limits";
		for (Object bad : new Object[] { 0, -1, "10GB", 1.5 }) {
			JsonNode body = Api.post(this.api.admin(), path, Map.of("storage_bytes", bad), 400);
			assertThat(body.at("/error/param").asString()).isEqualTo("storage_bytes");
		}
	}

}
