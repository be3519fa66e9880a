package com.threadline.chat.modelaccess;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.threadline.chat.system.ApiException;
import com.threadline.chat.tenant.context.Blocking;
import com.threadline.chat.tenant.context.TenantScope;

/**
 * {@code /admin/tenants/{tenant_id}/models} (operator only, like all of {@code /admin}):
 * read and replace a tenant's model allow-list.
 */
@RestController
@RequestMapping("/admin/tenants/{tenantId}/models")
class ModelAccessController {

	private static final Pattern TENANT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private static final int MAX_ENTRIES = 256;

	private final ModelAccess access;

	private final Blocking blocking;

	ModelAccessController(ModelAccess access, Blocking blocking) {
		this.access = access;
		this.blocking = blocking;
	}

	/** The request body: absent lists are empty (unrestricted on that side). */
	record AllowList(@Nullable JsonNode models, @Nullable JsonNode providers) {
	}

	record AllowListView(String object, String tenantId, List<String> models, List<String> providers) {

		static AllowListView of(String tenantId, ModelAccess.AllowedModels allowed) {
			return new AllowListView("tenant.models", tenantId, allowed.models(), allowed.providers());
		}

	}

	@GetMapping
	Mono<AllowListView> get(@PathVariable String tenantId) {
		return this.blocking
			.call(() -> forTenant(tenantId, () -> AllowListView.of(tenantId, this.access.allowed(tenantId))));
	}

	@PostMapping
	Mono<AllowListView> replace(@PathVariable String tenantId, @RequestBody AllowList request) {
		ModelAccess.AllowedModels allowed = new ModelAccess.AllowedModels(names(request.models(), "models", null),
				names(request.providers(), "providers", this.access.providerNames()));
		return this.blocking
			.call(() -> forTenant(tenantId, () -> AllowListView.of(tenantId, this.access.replace(tenantId, allowed))));
	}

	private <T> T forTenant(String tenantId, Supplier<T> work) {
		if (!TENANT_ID.matcher(tenantId).matches() || !this.access.tenantExists(tenantId)) {
			throw ApiException.notFound("tenant", tenantId);
		}
		return TenantScope.callUnchecked(tenantId, work);
	}

	/**
	 * A list of distinct non-blank names; {@code known}, when given, is the set they must
	 * come from.
	 */
	private static List<String> names(@Nullable JsonNode node, String param, @Nullable Set<String> known) {
		if (node == null || node.isNull()) {
			return List.of();
		}
		if (!node.isArray() || node.size() > MAX_ENTRIES) {
			throw ApiException.invalid(param,
					"Invalid '%s': expected an array of at most %d strings.".formatted(param, MAX_ENTRIES));
		}
		List<String> names = new ArrayList<>();
		for (int i = 0; i < node.size(); i++) {
			JsonNode name = node.get(i);
			String at = "%s[%d]".formatted(param, i);
			if (!name.isString() || name.asString().isBlank() || name.asString().length() > 256
					|| name.asString().indexOf('\0') >= 0) {
				throw ApiException.invalid(at,
						"Invalid '%s': expected a non-empty string of at most 256 characters.".formatted(at));
			}
			if (known != null && !known.contains(name.asString())) {
				throw ApiException.invalid(at, "Invalid '%s': unknown provider '%s'; configured providers are %s."
					.formatted(at, name.asString(), known));
			}
			if (!names.contains(name.asString())) {
				names.add(name.asString());
			}
		}
		return List.copyOf(names);
	}

}
