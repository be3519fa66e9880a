package com.threadline.chat.llm;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Binds {@code chat.llm} from the real {@code application.yml} and environment variables
 * given here (the JVM's own environment is left out).
 */
class LlmPropertiesTests {

	@Test
	void defaultsToOpenAiWithDocumentedTimeouts() {
		LlmProperties properties = bind(Map.of());
		assertThat(properties.baseUrl()).isEqualTo("https://api.openai.com/v1");
		assertThat(properties.apiKey()).isNullOrEmpty();
		assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
		assertThat(properties.firstChunkTimeout()).isEqualTo(Duration.ofSeconds(60));
		assertThat(properties.idleTimeout()).isEqualTo(Duration.ofSeconds(60));
		assertThat(properties.maxRetries()).isEqualTo(2);
		assertThat(properties.providers()).isEmpty();
	}

	@Test
	void readsTheDefaultProviderFromTheOpenAiVariables() {
		LlmProperties properties = bind(Map.of("OPENAI_BASE_URL", "http://localhost:11434/v1", "OPENAI_API_KEY",
				"sk-local", "OPENAI_ORG_ID", "org-1", "OPENAI_PROJECT_ID", "proj_1"));
		assertThat(properties.baseUrl()).isEqualTo("http://localhost:11434/v1");
		assertThat(properties.apiKey()).isEqualTo("sk-local");
		assertThat(properties.organization()).isEqualTo("org-1");
		assertThat(properties.project()).isEqualTo("proj_1");
	}

	@Test
	void treatsABlankBaseUrlAsUnset() {
		assertThat(bind(Map.of("OPENAI_BASE_URL", "")).baseUrl()).isEqualTo("https://api.openai.com/v1");
	}

	@Test
	void takesTimeoutsAndProvidersFromRelaxedVariables() {
		LlmProperties properties = bind(Map.of("CHAT_LLM_IDLETIMEOUT", "90s", "CHAT_LLM_FIRSTCHUNKTIMEOUT", "2m",
				"CHAT_LLM_PROVIDERS_DEEPSEEK_BASEURL", "https://api.deepseek.com/v1",
				"CHAT_LLM_PROVIDERS_DEEPSEEK_APIKEY", "sk-deep", "CHAT_LLM_BASEURL", "http://vllm:8000/v1",
				"OPENAI_BASE_URL", "http://ignored/v1"));
		assertThat(properties.idleTimeout()).isEqualTo(Duration.ofSeconds(90));
		assertThat(properties.firstChunkTimeout()).isEqualTo(Duration.ofMinutes(2));
		assertThat(properties.baseUrl()).isEqualTo("http://vllm:8000/v1");
		assertThat(properties.providers()).containsEntry("deepseek",
				new LlmProperties.Provider("https://api.deepseek.com/v1", "sk-deep"));
	}

	private static LlmProperties bind(Map<String, String> variables) {
		StandardEnvironment environment = new StandardEnvironment();
		MutablePropertySources sources = environment.getPropertySources();
		sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
		sources.addFirst(new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new HashMap<>(variables)));
		try {
			new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
				.forEach(sources::addLast);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return Binder.get(environment).bindOrCreate("chat.llm", LlmProperties.class);
	}

}
