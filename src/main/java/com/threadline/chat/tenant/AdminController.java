package com.threadline.chat.tenant;

import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.threadline.chat.system.ApiException;
import com.threadline.chat.system.Limits;
import com.threadline.chat.system.ListPage;
import com.threadline.chat.tenant.context.Blocking;

/** The operator API ({@code ADMIN_TOKEN}): tenants and their keys. */
@RestController
class AdminController {

	private final TenantService tenants;

	private final Blocking blocking;

	AdminController(TenantService tenants, Blocking blocking) {
		this.tenants = tenants;
		this.blocking = blocking;
	}

	record CreateTenant(@Nullable String name) {
	}

	@PostMapping("/admin/tenants")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<TenantService.NewTenant> create(@RequestBody CreateTenant request) {
		String name = request.name();
		if (name == null || name.isBlank()) {
			throw ApiException.invalid("name", "Missing required parameter: 'name'.");
		}
		Limits.maxLength(name, "name", 256);
		return this.blocking.call(() -> this.tenants.create(name.strip()));
	}

	@GetMapping("/admin/tenants")
	Mono<ListPage<TenantService.TenantView>> list() {
		return this.blocking.call(() -> {
			List<TenantService.TenantView> all = this.tenants.list();
			return ListPage.of(all, TenantService.TenantView::id, false);
		});
	}

	@PostMapping("/admin/tenants/{tenantId}/disable")
	Mono<TenantService.TenantView> disable(@PathVariable TenantId tenantId) {
		return this.blocking.call(() -> this.tenants.setDisabled(tenantId, true));
	}

	@PostMapping("/admin/tenants/{tenantId}/enable")
	Mono<TenantService.TenantView> enable(@PathVariable TenantId tenantId) {
		return this.blocking.call(() -> this.tenants.setDisabled(tenantId, false));
	}

	@PostMapping("/admin/tenants/{tenantId}/api_keys")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<TenantService.NewKey> rotateKey(@PathVariable TenantId tenantId) {
		return this.blocking.call(() -> this.tenants.rotateKey(tenantId));
	}

	/**
	 * A new key signs the tenant's user tokens from now on; tokens signed by older keys
	 * stay valid until they expire.
	 */
	@PostMapping("/admin/tenants/{tenantId}/signing_keys")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<TenantKeys.Rotated> rotateSigningKey(@PathVariable TenantId tenantId) {
		return this.blocking.call(() -> this.tenants.rotateSigningKey(tenantId));
	}

}
