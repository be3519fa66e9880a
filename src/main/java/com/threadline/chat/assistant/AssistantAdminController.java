package com.threadline.chat.assistant;

import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.threadline.chat.system.ApiException;
import com.threadline.chat.tenant.context.Blocking;
import com.threadline.chat.tenant.context.TenantScope;
import com.threadline.chat.tenant.TenantId;

/**
 * {@code POST /admin/tenants/{tenant_id}/assistants/{assistant_id}/server_tools}
 * (operator only, like all of {@code /admin}): the operator's way to enable or disable a
 * tenant assistant's server-side tools.
 */
@RestController
class AssistantAdminController {

	private static final Pattern TENANT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private final AssistantService assistants;

	private final ServerTools serverTools;

	private final Blocking blocking;

	AssistantAdminController(AssistantService assistants, ServerTools serverTools, Blocking blocking) {
		this.assistants = assistants;
		this.serverTools = serverTools;
		this.blocking = blocking;
	}

	record ServerToolsRequest(@Nullable JsonNode serverTools) {
	}

	@PostMapping("/admin/tenants/{tenantId}/assistants/{assistantId}/server_tools")
	Mono<AssistantView> setServerTools(@PathVariable TenantId tenantId, @PathVariable AssistantId assistantId,
			@RequestBody ServerToolsRequest request) {
		List<String> names = this.serverTools.checked(request.serverTools(), "server_tools");
		if (names == null) {
			throw ApiException.invalid("server_tools", "Missing required parameter: 'server_tools'.");
		}
		if (!TENANT_ID.matcher(tenantId.value()).matches()) {
			throw ApiException.notFound("assistant", assistantId.value());
		}
		return this.blocking.call(() -> TenantScope.callUnchecked(tenantId.value(),
				() -> this.assistants.setServerTools(tenantId, assistantId, names)));
	}

}
