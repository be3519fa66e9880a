package com.threadline.chat.limit;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.threadline.chat.tenant.context.Blocking;

/**
 * The operator API for a tenant's limits ({@code /admin/**}, behind the operator token):
 * what is in force, and per-limit overrides of the {@code chat.limits.*} defaults.
 */
@RestController
class LimitAdminController {

	private final LimitSettings settings;

	private final Blocking blocking;

	LimitAdminController(LimitSettings settings, Blocking blocking) {
		this.settings = settings;
		this.blocking = blocking;
	}

	@GetMapping("/admin/tenants/{tenantId}/limits")
	Mono<LimitSettings.View> get(@PathVariable String tenantId) {
		return this.blocking.call(() -> this.settings.view(tenantId));
	}

	/**
	 * Sets the limits named in the body: a positive integer overrides the default,
	 * {@code null} restores it.
	 */
	@PostMapping("/admin/tenants/{tenantId}/limits")
	Mono<LimitSettings.View> update(@PathVariable String tenantId, @RequestBody JsonNode changes) {
		return this.blocking.call(() -> this.settings.update(tenantId, changes));
	}

}
