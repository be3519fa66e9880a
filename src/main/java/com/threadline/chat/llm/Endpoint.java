package com.threadline.chat.llm;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.util.StringUtils;

/**
 * Where one request goes: a provider's chat-completions URI, its credentials, and the
 * model name as that provider knows it.
 *
 * @param provider the provider's configured name, {@code default} for the default one
 * @param uri the provider's {@code …/chat/completions} URI
 * @param apiKey the bearer token, or {@code null} to send none
 * @param organization the {@code OpenAI-Organization} header, or {@code null}
 * @param project the {@code OpenAI-Project} header, or {@code null}
 * @param model the model to send, without any provider prefix
 */
record Endpoint(String provider, URI uri, @Nullable String apiKey, @Nullable String organization,
		@Nullable String project, String model) {

	static final String DEFAULT_PROVIDER = "default";

	/**
	 * Chooses the provider for {@code model}: {@code "<name>/<model>"} selects the
	 * provider called {@code name} only when one is configured (vLLM model names such as
	 * {@code Qwen/Qwen2.5-7B} contain slashes too); everything else goes to the default
	 * provider unchanged.
	 */
	static Endpoint resolve(LlmProperties properties, String model) {
		int slash = model.indexOf('/');
		if (slash > 0) {
			String name = model.substring(0, slash);
			LlmProperties.Provider provider = properties.providers().get(name);
			if (provider != null) {
				return new Endpoint(name, completionsUri(provider.baseUrl()), blankToNull(provider.apiKey()), null,
						null, model.substring(slash + 1));
			}
		}
		return new Endpoint(DEFAULT_PROVIDER, completionsUri(properties.baseUrl()), blankToNull(properties.apiKey()),
				blankToNull(properties.organization()), blankToNull(properties.project()), model);
	}

	/** Sets the credentials as the OpenAI SDKs send them. */
	void authenticate(HttpHeaders headers) {
		if (this.apiKey != null) {
			headers.setBearerAuth(this.apiKey);
		}
		if (this.organization != null) {
			headers.set("OpenAI-Organization", this.organization);
		}
		if (this.project != null) {
			headers.set("OpenAI-Project", this.project);
		}
	}

	/** Removes the API key from text that may quote it back (error bodies). */
	String redact(String text) {
		return (this.apiKey != null) ? text.replace(this.apiKey, "***") : text;
	}

	private static URI completionsUri(String baseUrl) {
		String base = baseUrl.strip();
		while (base.endsWith("/")) {
			base = base.substring(0, base.length() - 1);
		}
		return URI.create(base + "/chat/completions");
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return StringUtils.hasText(value) ? value.strip() : null;
	}

	@Override
	public String toString() {
		return "Endpoint[provider=" + this.provider + ", uri=" + this.uri + ", model=" + this.model + "]";
	}

}
