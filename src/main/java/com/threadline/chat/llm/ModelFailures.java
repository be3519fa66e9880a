package com.threadline.chat.llm;

import tools.jackson.databind.JsonNode;

import org.springframework.web.reactive.function.UnsupportedMediaTypeException;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import static com.threadline.chat.llm.ModelException.INVALID_PROMPT;
import static com.threadline.chat.llm.ModelException.RATE_LIMIT_EXCEEDED;
import static com.threadline.chat.llm.ModelException.SERVER_ERROR;

/**
 * Maps whatever went wrong in a model call to a {@link ModelException} with an OpenAI
 * {@code last_error} code and a short message fit for end users: never the API key, the
 * prompt or the provider's URL.
 */
final class ModelFailures {

	private static final int LONGEST_MESSAGE = 300;

	private ModelFailures() {
	}

	static ModelException map(Throwable failure) {
		return switch (failure) {
			case ModelException model -> model;
			case ProviderResponseException response -> fromStatus(response);
			case WebClientRequestException request ->
				new ModelException(SERVER_ERROR, "Could not connect to the model provider.", request);
			case UnsupportedMediaTypeException media ->
				new ModelException(SERVER_ERROR, "The model provider did not answer with an event stream.", media);
			default -> new ModelException(SERVER_ERROR,
					"The connection to the model provider broke before the reply was complete.", failure);
		};
	}

	/** An {@code error} object the provider sent inside the stream instead of a chunk. */
	static ModelException streamedError(JsonNode error, Endpoint endpoint) {
		String code = error.path("code").asString("") + " " + error.path("type").asString("");
		String message = endpoint.redact(error.path("message").asString("").strip());
		if (message.length() > LONGEST_MESSAGE) {
			message = message.substring(0, LONGEST_MESSAGE) + "…";
		}
		if (code.contains("rate_limit")) {
			return new ModelException(RATE_LIMIT_EXCEEDED, "The model provider's rate limit was exceeded.");
		}
		if (code.contains("context_length") || code.contains("invalid_request")) {
			return new ModelException(INVALID_PROMPT, "The model provider rejected the prompt: " + message);
		}
		return new ModelException(SERVER_ERROR, "The model provider failed mid-reply: " + message);
	}

	private static ModelException fromStatus(ProviderResponseException response) {
		int status = response.status();
		String detail = (response.providerMessage() != null) ? ": " + response.providerMessage() : ".";
		return switch (status) {
			case 429 ->
				new ModelException(RATE_LIMIT_EXCEEDED, "The model provider's rate limit was exceeded.", response);
			case 400, 422 ->
				new ModelException(INVALID_PROMPT, "The model provider rejected the prompt" + detail, response);
			case 413 -> new ModelException(INVALID_PROMPT, "The prompt is too large for the model provider.", response);
			case 401, 403 -> new ModelException(SERVER_ERROR,
					"The model provider refused the configured credentials (HTTP " + status + ").", response);
			case 404 -> new ModelException(SERVER_ERROR,
					"The model provider does not know this model or URL (HTTP 404).", response);
			default ->
				new ModelException(SERVER_ERROR, "The model provider failed with HTTP " + status + ".", response);
		};
	}

}
