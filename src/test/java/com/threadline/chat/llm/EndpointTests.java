package com.threadline.chat.llm;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

class EndpointTests {

	@Test
	void appendsTheChatCompletionsPathToAnyBaseUrl() {
		assertThat(resolve("http://localhost:11434/v1/", "llama3").uri())
			.hasToString("http://localhost:11434/v1/chat/completions");
		assertThat(resolve("https://api.deepseek.com", "deepseek-chat").uri())
			.hasToString("https://api.deepseek.com/chat/completions");
	}

	@Test
	void selectsAProviderOnlyByAConfiguredPrefix() {
		LlmProperties properties = properties("http://default/v1",
				Map.of("moonshot", new LlmProperties.Provider("https://api.moonshot.cn/v1", "sk-moon")));
		Endpoint moonshot = Endpoint.resolve(properties, "moonshot/kimi-k2");
		assertThat(moonshot.provider()).isEqualTo("moonshot");
		assertThat(moonshot.model()).isEqualTo("kimi-k2");
		assertThat(moonshot.uri()).hasToString("https://api.moonshot.cn/v1/chat/completions");
		Endpoint vllm = Endpoint.resolve(properties, "Qwen/Qwen2.5-7B-Instruct");
		assertThat(vllm.provider()).isEqualTo("default");
		assertThat(vllm.model()).isEqualTo("Qwen/Qwen2.5-7B-Instruct");
	}

	@Test
	void sendsNoAuthorizationWithoutAKeyAndNeverPrintsIt() {
		HttpHeaders headers = new HttpHeaders();
		resolve("http://localhost:8080/v1", "local").authenticate(headers);
		assertThat(headers.containsHeader(HttpHeaders.AUTHORIZATION)).isFalse();

		Endpoint openai = Endpoint.resolve(
				new LlmProperties("", "sk-secret", "org-1", "proj_1", Map.of(), null, null, null, 2, null, null, 1),
				"gpt-4o");
		openai.authenticate(headers);
		assertThat(headers.getFirst(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer sk-secret");
		assertThat(headers.getFirst("OpenAI-Organization")).isEqualTo("org-1");
		assertThat(headers.getFirst("OpenAI-Project")).isEqualTo("proj_1");
		assertThat(openai.toString()).doesNotContain("sk-secret");
		assertThat(openai.redact("bad key sk-secret")).isEqualTo("bad key ***");
	}

	private static Endpoint resolve(String baseUrl, String model) {
		return Endpoint.resolve(properties(baseUrl, Map.of()), model);
	}

	private static LlmProperties properties(String baseUrl, Map<String, LlmProperties.Provider> providers) {
		return new LlmProperties(baseUrl, " ", null, null, providers, Duration.ofSeconds(1), Duration.ofSeconds(1),
				Duration.ofSeconds(1), 2, Duration.ofMillis(1), Duration.ofSeconds(1), 1);
	}

}
