package com.threadline.chat.modelaccess;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.threadline.chat.llm.ModelProviders;
import com.threadline.chat.system.ApiException;

/**
 * Which models a tenant may use. The operator lists models (by the name a run sends) and
 * provider names; a model is allowed when it is listed, or when the provider the gateway
 * would send it to is listed. Both lists empty (the default) leaves the tenant
 * unrestricted. Call it acting for the tenant ({@code TenantScope}).
 */
@Service
public class ModelAccess {

	private final AllowLists allowLists;

	private final ModelProviders providers;

	ModelAccess(AllowLists allowLists, ModelProviders providers) {
		this.allowLists = allowLists;
		this.providers = providers;
	}

	/** A tenant's allow-list; both lists empty means unrestricted. */
	public record AllowedModels(List<String> models, List<String> providers) {

		static final AllowedModels UNRESTRICTED = new AllowedModels(List.of(), List.of());

		boolean unrestricted() {
			return this.models.isEmpty() && this.providers.isEmpty();
		}

	}

	/** Throws a 400 naming {@code model} unless the tenant may use {@code model}. */
	@Transactional(readOnly = true)
	public void check(String tenantId, String model) {
		AllowedModels allowed = allowed(tenantId);
		if (allowed.unrestricted() || allowed.models().contains(model)) {
			return;
		}
		String provider = this.providers.providerOf(model);
		if (allowed.providers().contains(provider)) {
			return;
		}
		throw ApiException.invalid("model",
				"The model '%s' (provider '%s') is not available to this tenant: the operator's model allow-list does not include it."
					.formatted(model, provider));
	}

	@Transactional(readOnly = true)
	public AllowedModels allowed(String tenantId) {
		return this.allowLists.findById(tenantId)
			.map(row -> new AllowedModels(List.of(row.models), List.of(row.providers)))
			.orElse(AllowedModels.UNRESTRICTED);
	}

	/** Replaces the tenant's allow-list (the caller has checked the tenant exists). */
	@Transactional
	AllowedModels replace(String tenantId, AllowedModels allowed) {
		TenantModels row = this.allowLists.findById(tenantId).orElseGet(() -> new TenantModels(tenantId));
		row.models = allowed.models().toArray(String[]::new);
		row.providers = allowed.providers().toArray(String[]::new);
		row.updatedAt = Instant.now();
		this.allowLists.save(row);
		return allowed;
	}

	@Transactional(readOnly = true)
	boolean tenantExists(String tenantId) {
		return this.allowLists.tenantExists(tenantId);
	}

	/** The provider names an allow-list may name. */
	Set<String> providerNames() {
		return this.providers.names();
	}

}
