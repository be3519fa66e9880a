package com.threadline.chat.system;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A failure the client caused or may see, as an RFC 9457 problem carrying OpenAI's
 * {@code type}, {@code param} and {@code code}; {@link OpenAiErrorHandler} renders it in
 * OpenAI's error envelope.
 */
public class ApiException extends ErrorResponseException {

	public ApiException(HttpStatusCode status, String type, @Nullable String param, @Nullable String code,
			String message) {
		super(status, problem(status, type, param, code, message), null);
	}

	private static ProblemDetail problem(HttpStatusCode status, String type, @Nullable String param,
			@Nullable String code, String message) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
		problem.setProperty("openai_type", type);
		problem.setProperty("param", param);
		problem.setProperty("code", code);
		return problem;
	}

	/** 400 for a request parameter that is missing, malformed or out of range. */
	public static ApiException invalid(@Nullable String param, String message) {
		return new ApiException(HttpStatus.BAD_REQUEST, "invalid_request_error", param, null, message);
	}

	/**
	 * 404 for an object that does not exist or belongs to someone else (never 403: no
	 * existence leak).
	 */
	public static ApiException notFound(String kind, String id) {
		return new ApiException(HttpStatus.NOT_FOUND, "invalid_request_error", null, null,
				"No %s found with id '%s'.".formatted(kind, id));
	}

	/** 401 for a missing, malformed, unknown or expired credential. */
	public static ApiException unauthorized(String code, String message) {
		return new ApiException(HttpStatus.UNAUTHORIZED, "invalid_request_error", null, code, message);
	}

	/**
	 * 404 for a route the caller's credential may not use (user tokens on tenant-only
	 * routes).
	 */
	public static ApiException notAllowed(String message) {
		return new ApiException(HttpStatus.NOT_FOUND, "invalid_request_error", null, null, message);
	}

	@Override
	public String getMessage() {
		String detail = getBody().getDetail();
		return detail != null ? detail : super.getMessage();
	}

}
