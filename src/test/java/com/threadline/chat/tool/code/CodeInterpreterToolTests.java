package com.threadline.chat.tool.code;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import com.threadline.chat.support.Api;
import com.threadline.chat.support.Uploads;
import com.threadline.chat.support.IntegrationTest;
import com.threadline.chat.tenant.context.TenantScope;
import com.threadline.chat.tool.ToolCall;
import com.threadline.chat.tool.ToolContext;
import com.threadline.chat.tool.ToolExecutor;
import com.threadline.chat.tool.ToolExecutors;
import com.threadline.chat.tool.ToolResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code code_interpreter} as the run engine finds and calls it in the running server:
 * available, described to the model, and unable to reach the server itself.
 */
class CodeInterpreterToolTests extends IntegrationTest {

	@Autowired
	private ToolExecutors tools;

	@Autowired
	private com.threadline.chat.file.FileService fileService;

	@Test
	void isAvailableAndDescribedAsAFunctionOfCode() {
		assertThat(this.tools.unavailable("code_interpreter")).isEmpty();
		ToolExecutor tool = this.tools.find("code_interpreter").orElseThrow();
		assertThat(tool.definition().parameters().path("required").toString()).isEqualTo("[\"code\"]");
		assertThat(tool.definition().description()).contains("numpy", "pandas", "matplotlib", "/mnt/data",
				"no network");
	}

	@Test
	void acceptsAnAssistantThatDeclaresIt() {
		Api.Tenant tenant = this.api.newTenant("Code");
		JsonNode assistant = Api.post(this.api.as(tenant.apiKey()), "/v1/assistants",
				Map.of("model", "gpt-4o", "tools", List.of(Map.of("type", "code_interpreter"))), 200);
		assertThat(assistant.path("tools").get(0).path("type").asString()).isEqualTo("code_interpreter");
	}

	@Test
	void runsCodeButCannotReachTheServer() {
		ToolResult result = call("""
				import os, socket
				s = socket.socket()
				s.settimeout(1)
				print(s.connect_ex(('127.0.0.1', %d)), os.path.exists('/proc/%d'), 'JAVA_HOME' in os.environ)
				""".formatted(this.port, ProcessHandle.current().pid()));
		assertThat(result.error()).isFalse();
		assertThat(result.output()).isEqualTo("111 False False\n");
		assertThat(call("print(sum(i * i for i in range(10)))").output()).isEqualTo("285\n");
	}

	@Test
	void readsTheRunsFilesAndStoresWhatTheCodeWrites() {
		Api.Tenant tenant = this.api.newTenant("Code files");
		String csv = Uploads
			.upload(this.api.as(tenant.apiKey()), "assistants", "cities.csv",
					"city,people\nA,3\nB,5\n".getBytes(StandardCharsets.UTF_8))
			.get("id")
			.asString();
		assertThat(TenantScope.callUnchecked(tenant.id(), () -> this.fileService.existing(tenant.id(), List.of(csv))))
			.as(csv)
			.hasSize(1);
		ToolContext context = new ToolContext(tenant.id(), "thread_files", "run_files", "turn_1", null, List.of(csv));
		String code = "import pandas as pd\ndf = pd.read_csv('/mnt/data/cities.csv')\n"
				+ "df['double'] = df['people'] * 2\ndf.to_csv('/mnt/data/doubled.csv', index=False)\n"
				+ "print(df['people'].sum())";
		ToolResult result = TenantScope.callUnchecked(tenant.id(),
				() -> this.tools.find("code_interpreter")
					.orElseThrow()
					.execute(new ToolCall("call_f", "code_interpreter", Sandboxes.json(code)), context));
		assertThat(result.error()).as(result.output()).isFalse();
		assertThat(result.output()).startsWith("8\n").contains("sandbox:/mnt/data/doubled.csv");
		String out = ((ToolResult.Output.File) result.outputs().get(1)).fileId();
		JsonNode file = Api.get(this.api.as(tenant.apiKey()), "/v1/files/" + out, 200);
		assertThat(file.path("purpose").asString()).isEqualTo("assistants_output");
		assertThat(file.path("filename").asString()).isEqualTo("doubled.csv");
	}

	private ToolResult call(String code) {
		return this.tools.find("code_interpreter")
			.orElseThrow()
			.execute(new ToolCall("call_1", "code_interpreter", Sandboxes.json(code)),
					new ToolContext("tenant-code", "thread_code", "run_code"));
	}

}
