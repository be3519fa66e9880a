package com.threadline.chat.security;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.ServerWebExchange;

import com.threadline.chat.system.StorableText;

/**
 * Names the path variable of a request the firewall refused for a character that cannot
 * be stored ({@code GET /v1/assistants/%00}), so its 400 says which parameter, as every
 * other refusal of unstorable input does. Only consulted on a refusal, never on the
 * request path of a valid request.
 */
@Component
class RefusedPathVariable {

	private final ObjectProvider<RequestMappingHandlerMapping> mappings;

	RefusedPathVariable(ObjectProvider<RequestMappingHandlerMapping> mappings) {
		this.mappings = mappings;
	}

	/**
	 * The OpenAI name ({@code assistant_id}) of the variable holding the bad character.
	 */
	Optional<String> of(ServerWebExchange exchange) {
		PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
		return this.mappings.orderedStream()
			.flatMap(mapping -> mapping.getHandlerMethods().keySet().stream())
			.flatMap(info -> info.getPatternsCondition().getPatterns().stream())
			.map(pattern -> pattern.matchAndExtract(path))
			.filter(Objects::nonNull)
			.flatMap(match -> unstorable(match.getUriVariables()).stream())
			.findFirst();
	}

	private static Optional<String> unstorable(Map<String, String> variables) {
		return variables.entrySet()
			.stream()
			.filter(variable -> StorableText.problem(variable.getValue()) != null)
			.map(variable -> StorableText.openAiName(variable.getKey()))
			.findFirst();
	}

}
