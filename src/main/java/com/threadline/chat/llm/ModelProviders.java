package com.threadline.chat.llm;

import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

/**
 * Which configured provider a model name goes to, as the gateway routes it: for policies
 * (a tenant's model allow-list) that must agree with the gateway exactly.
 */
@Component
public class ModelProviders {

	private final LlmProperties properties;

	ModelProviders(LlmProperties properties) {
		this.properties = properties;
	}

	/** The provider that serves {@code model}: a configured name, or {@code default}. */
	public String providerOf(String model) {
		return Endpoint.resolve(this.properties, model).provider();
	}

	/** Every provider name a model can go to, {@code default} included. */
	public Set<String> names() {
		Set<String> names = new TreeSet<>(this.properties.providers().keySet());
		names.add(Endpoint.DEFAULT_PROVIDER);
		return names;
	}

}
