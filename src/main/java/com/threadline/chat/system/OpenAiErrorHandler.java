package com.threadline.chat.system;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * The one place that turns a failure into OpenAI's error envelope
 * {@code {"error":{"message","type","param","code"}}}: domain problems keep their status,
 * malformed or mistyped JSON is a 400 naming the parameter, oversized bodies are a 413,
 * and anything unexpected is a logged 500 that shows no internals.
 */
@Component
@Order(-2)
class OpenAiErrorHandler implements WebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(OpenAiErrorHandler.class);

	private final JsonMapper json;

	OpenAiErrorHandler(JsonMapper json) {
		this.json = json;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.error(ex);
		}
		Envelope envelope = envelope(ex);
		if (envelope.status().is5xxServerError()) {
			log.error("Unhandled failure on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
					ex);
		}
		response.setStatusCode(envelope.status());
		if (ex instanceof ErrorResponse error) {
			// e.g. Retry-After and x-ratelimit-* on a 429
			response.getHeaders().putAll(error.getHeaders());
		}
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		byte[] body = this.json.writeValueAsBytes(Map.of("error", envelope.error()));
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

	private Envelope envelope(Throwable ex) {
		DataBufferLimitException tooLarge = find(ex, DataBufferLimitException.class);
		if (tooLarge != null) {
			return Envelope.of(HttpStatus.CONTENT_TOO_LARGE, "invalid_request_error", null, "request_too_large",
					"The request body is too large.");
		}
		JacksonException jackson = find(ex, JacksonException.class);
		if (jackson != null) {
			return fromJackson(jackson);
		}
		if (ex instanceof ErrorResponse error) {
			return fromProblem(error.getStatusCode(), error.getBody());
		}
		return Envelope.of(HttpStatus.INTERNAL_SERVER_ERROR, "server_error", null, null,
				"The server had an error while processing your request.");
	}

	private Envelope fromProblem(HttpStatusCode status, ProblemDetail problem) {
		Map<String, Object> props = problem.getProperties() != null ? problem.getProperties() : Map.of();
		String type = (String) props.getOrDefault("openai_type",
				status.is5xxServerError() ? "server_error" : "invalid_request_error");
		String message = problem.getDetail() != null ? problem.getDetail()
				: (problem.getTitle() != null ? problem.getTitle() : "Request failed.");
		if (status.value() == HttpStatus.NOT_FOUND.value() && !props.containsKey("openai_type")) {
			message = "Invalid URL: no such route.";
		}
		return Envelope.of(status, type, (String) props.get("param"), (String) props.get("code"), message);
	}

	private Envelope fromJackson(JacksonException ex) {
		String brokenKey = (ex instanceof StreamReadException read) ? RefusedText.brokenKey(read) : null;
		if (brokenKey != null) {
			return Envelope.of(HttpStatus.BAD_REQUEST, "invalid_request_error", brokenKey, null,
					"Invalid '%s': a key contains an unpaired UTF-16 surrogate, which cannot be stored."
						.formatted(brokenKey));
		}
		if (ex instanceof StreamReadException) {
			return Envelope.of(HttpStatus.BAD_REQUEST, "invalid_request_error", null, null,
					"We could not parse the JSON body of your request. The API expects a JSON payload, "
							+ "but what was sent was not valid JSON.");
		}
		String param = param(ex);
		String message = (param != null) ? "Invalid type or value for '%s'.".formatted(param)
				: "Invalid request body: it must be a JSON object.";
		if (ex instanceof RefusedText refused) {
			message = "Invalid '%s': %s, which cannot be stored.".formatted((param != null) ? param : "body",
					refused.problem());
		}
		return Envelope.of(HttpStatus.BAD_REQUEST, "invalid_request_error", param, null, message);
	}

	private static @Nullable String param(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference ref : ex.getPath()) {
			if (ref.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
			}
			else if (ref.getIndex() >= 0) {
				path.append('[').append(ref.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? null : path.toString();
	}

	private static <T extends Throwable> @Nullable T find(Throwable ex, Class<T> type) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		return null;
	}

	private record Envelope(HttpStatusCode status, Map<String, @Nullable Object> error) {

		static Envelope of(HttpStatusCode status, String type, @Nullable String param, @Nullable String code,
				String message) {
			Map<String, @Nullable Object> error = new LinkedHashMap<>();
			error.put("message", message);
			error.put("type", type);
			error.put("param", param);
			error.put("code", code);
			return new Envelope(status, error);
		}

	}

}
