package com.threadline.chat.limit;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.threadline.chat.support.Api;
import com.threadline.chat.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class LimitAdminTests extends IntegrationTest {

	@Test
	void operatorOverridesATenantsLimitsAndRestoresTheDefaults() {
		Api.Tenant tenant = this.api.newTenant("Limits admin");
		String path = "/admin/tenants/" + tenant.id() + "/limits";
		JsonNode defaults = Api.get(this.api.admin(), path, 200);
		assertThat(defaults.get("object").asString()).isEqualTo("tenant.limits");
		assertThat(defaults.at("/limits/active_runs_per_user").asLong()).isEqualTo(5);
		assertThat(defaults.get("overridden").isEmpty()).isTrue();

		JsonNode changed = Api.post(this.api.admin(), path, Map.of("active_runs_per_user", 2, "tokens_per_day", 1000),
				200);
		assertThat(changed.at("/limits/active_runs_per_user").asLong()).isEqualTo(2);
		assertThat(changed.at("/overridden/tokens_per_day").asLong()).isEqualTo(1000);
		assertThat(Api.get(this.api.admin(), path, 200).at("/limits/tokens_per_day").asLong()).isEqualTo(1000);

		Map<String, Object> restore = new HashMap<>();
		restore.put("tokens_per_day", null);
		JsonNode restored = Api.post(this.api.admin(), path, restore, 200);
		assertThat(restored.at("/limits/tokens_per_day").asLong()).isEqualTo(10_000_000);
		assertThat(restored.at("/limits/active_runs_per_user").asLong()).isEqualTo(2);
	}

	@Test
	void badOverridesAreRefusedWith400AndUnknownTenantsWith404() {
		Api.Tenant tenant = this.api.newTenant("Limits admin, bad");
		String path = "/admin/tenants/" + tenant.id() + "/limits";
		JsonNode zero = Api.post(this.api.admin(), path, Map.of("streams_per_user", 0), 400);
		assertThat(zero.at("/error/param").asString()).isEqualTo("streams_per_user");
		JsonNode text = Api.post(this.api.admin(), path, Map.of("streams_per_user", "many"), 400);
		assertThat(text.at("/error/param").asString()).isEqualTo("streams_per_user");
		JsonNode unknown = Api.post(this.api.admin(), path, Map.of("bananas_per_day", 3), 400);
		assertThat(unknown.at("/error/message").asString()).contains("bananas_per_day");
		Api.post(this.api.admin(), path, "[1]", 400);
		Api.get(this.api.admin(), "/admin/tenants/tenant_missing/limits", 404);
		Api.post(this.api.admin(), "/admin/tenants/tenant_missing/limits", Map.of("streams_per_user", 1), 404);
		Api.get(this.api.as(tenant.apiKey()), path, 401);
	}

}
