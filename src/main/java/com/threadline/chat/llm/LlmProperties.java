package com.threadline.chat.llm;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

/**
 * The OpenAI-compatible chat-completions providers and how the gateway talks to them.
 * {@code application.yml} fills the default provider from {@code OPENAI_BASE_URL},
 * {@code OPENAI_API_KEY}, {@code OPENAI_ORG_ID} and {@code OPENAI_PROJECT_ID}, as the
 * OpenAI SDKs read them.
 *
 * @param baseUrl the default provider's base URL; blank means OpenAI's
 * @param apiKey the default provider's API key, sent as a bearer token (none when blank)
 * @param organization the default provider's {@code OpenAI-Organization} header, if any
 * @param project the default provider's {@code OpenAI-Project} header, if any
 * @param providers further providers by name; a model {@code "<name>/<model>"} selects
 * one
 * @param connectTimeout how long to wait for a TCP connection to a provider
 * @param firstChunkTimeout how long to wait from the request to the first streamed chunk
 * @param idleTimeout the longest silence allowed between two streamed chunks
 * @param maxRetries how often a failed request is retried before its first chunk (429,
 * 408, 5xx, connection errors)
 * @param initialBackoff the wait before the first retry, doubled for each further one
 * @param maxBackoff the longest wait before a retry, also the cap on a provider's
 * {@code Retry-After}
 * @param maxConnections the most concurrent connections to one provider host
 */
@ConfigurationProperties("chat.llm")
@Validated
record LlmProperties(@DefaultValue(LlmProperties.OPENAI_BASE_URL) String baseUrl, @Nullable String apiKey,
		@Nullable String organization, @Nullable String project, Map<String, @Valid Provider> providers,
		@DefaultValue("10s") Duration connectTimeout, @DefaultValue("60s") Duration firstChunkTimeout,
		@DefaultValue("60s") Duration idleTimeout, @DefaultValue("2") int maxRetries,
		@DefaultValue("500ms") Duration initialBackoff, @DefaultValue("30s") Duration maxBackoff,
		@DefaultValue("500") int maxConnections) {

	/** OpenAI's own endpoint, the default when no base URL is configured. */
	public static final String OPENAI_BASE_URL = "https://api.openai.com/v1";

	public LlmProperties {
		baseUrl = StringUtils.hasText(baseUrl) ? baseUrl.strip() : OPENAI_BASE_URL;
		providers = (providers != null) ? Map.copyOf(providers) : Map.of();
	}

	/**
	 * A named OpenAI-compatible provider.
	 *
	 * @param baseUrl its base URL, e.g. {@code https://api.deepseek.com/v1}
	 * @param apiKey its API key, sent as a bearer token (none when blank)
	 */
	public record Provider(@NotBlank String baseUrl, @Nullable String apiKey) {
	}

}
