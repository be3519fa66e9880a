package com.threadline.chat.run;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.stereotype.Component;

import com.threadline.chat.tenant.context.TenantScope;
import com.threadline.chat.tool.ToolCall;
import com.threadline.chat.tool.ToolContext;
import com.threadline.chat.tool.ToolDefinition;
import com.threadline.chat.tool.ToolExecutor;
import com.threadline.chat.tool.ToolResult;

/**
 * A server-side tool that exists only in tests (an implementation of the tool SPI, found
 * by component scanning like any other): upper-cases {@code text}, and reports the tenant
 * it ran for so tests see that tools act inside the run's tenant scope.
 */
@Component
class UppercaseTool implements ToolExecutor {

	static final String NAME = "uppercase";

	@Override
	public ToolDefinition definition() {
		return new ToolDefinition(NAME, "Upper-cases text (server-side test tool).",
				JsonNodeFactory.instance.objectNode()
					.put("type", "object")
					.set("properties", JsonNodeFactory.instance.objectNode()
						.set("text", JsonNodeFactory.instance.objectNode().put("type", "string"))));
	}

	@Override
	public ToolResult execute(ToolCall call, ToolContext context) {
		String tenant = TenantScope.current().orElse("none");
		if (!tenant.equals(context.tenantId())) {
			return ToolResult.error("wrong tenant scope: " + tenant);
		}
		try {
			return ToolResult.ok(JsonMapper.shared().readTree(call.arguments()).path("text").asString().toUpperCase());
		}
		catch (RuntimeException ex) {
			return ToolResult.error("arguments are not JSON");
		}
	}

}
