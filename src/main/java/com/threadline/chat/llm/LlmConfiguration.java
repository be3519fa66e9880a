package com.threadline.chat.llm;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The model gateway bean, on a WebClient with the application's codec settings.
 */
@Configuration(proxyBeanMethods = false)
class LlmConfiguration {

	@Bean
	ChatCompletionsGateway modelGateway(LlmProperties properties, ObjectProvider<CodecCustomizer> codecCustomizers) {
		WebClient.Builder webClients = WebClient.builder()
			.codecs((codecs) -> codecCustomizers.orderedStream().forEach((customizer) -> customizer.customize(codecs)));
		return new ChatCompletionsGateway(properties, webClients);
	}

}
