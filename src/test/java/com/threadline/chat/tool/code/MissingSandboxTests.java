package com.threadline.chat.tool.code;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.threadline.chat.support.Api;
import com.threadline.chat.support.IntegrationTest;
import com.threadline.chat.tool.ToolCall;
import com.threadline.chat.tool.ToolContext;
import com.threadline.chat.tool.ToolExecutors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server without bubblewrap: {@code code_interpreter} is unavailable, an assistant or a
 * run that declares it is a 400 naming the tool and what to install, and everything else
 * works. (The one context of its own the sandbox costs.)
 */
@TestPropertySource(properties = "chat.tool.code.bwrap=/nonexistent/bwrap")
class MissingSandboxTests extends IntegrationTest {

	@Autowired
	private ToolExecutors tools;

	@Test
	void refusesAnAssistantThatDeclaresIt() {
		Api.Tenant tenant = this.api.newTenant("No sandbox");
		JsonNode error = Api
			.post(this.api.as(tenant.apiKey()), "/v1/assistants",
					Map.of("model", "gpt-4o", "tools",
							List.of(Map.of("type", "file_search"), Map.of("type", "code_interpreter"))),
					400)
			.path("error");
		assertThat(error.path("param").asString()).isEqualTo("tools[1].type");
		assertThat(error.path("message").asString()).contains("code_interpreter is unavailable", "/nonexistent/bwrap",
				"apt-get install bubblewrap python3 python3-numpy");
		Api.post(this.api.as(tenant.apiKey()), "/v1/assistants", Map.of("model", "gpt-4o"), 200);
	}

	@Test
	void refusesARunThatAddsIt() {
		Api.Tenant tenant = this.api.newTenant("No sandbox runs");
		String assistant = Api.post(this.api.as(tenant.apiKey()), "/v1/assistants", Map.of("model", "gpt-4o"), 200)
			.path("id")
			.asString();
		String thread = Api.post(this.api.as(tenant.apiKey()), "/v1/threads", Map.of(), 200).path("id").asString();
		JsonNode error = Api
			.post(this.api.as(tenant.apiKey()), "/v1/threads/" + thread + "/runs",
					Map.of("assistant_id", assistant, "tools", List.of(Map.of("type", "code_interpreter"))), 400)
			.path("error");
		assertThat(error.path("param").asString()).isEqualTo("tools[0].type");
		assertThat(error.path("message").asString()).contains("apt-get install bubblewrap");
	}

	@Test
	void answersACallWithAToolError() {
		assertThat(this.tools.unavailable("code_interpreter")).isPresent();
		var result = this.tools.find("code_interpreter")
			.orElseThrow()
			.execute(new ToolCall("call_1", "code_interpreter", "{\"code\": \"print(1)\"}"),
					new ToolContext("t", "thread_1", "run_1"));
		assertThat(result.error()).isTrue();
		assertThat(result.output()).contains("unavailable");
	}

}
