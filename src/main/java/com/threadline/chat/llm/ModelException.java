package com.threadline.chat.llm;

/**
 * A model call that failed, with the OpenAI {@code last_error} code a run reports:
 * {@code server_error}, {@code rate_limit_exceeded} or {@code invalid_prompt}.
 */
public class ModelException extends RuntimeException {

	/** The provider failed, was unreachable, too slow, misconfigured or sent garbage. */
	public static final String SERVER_ERROR = "server_error";

	/** The provider's rate limit was still exceeded after the retries. */
	public static final String RATE_LIMIT_EXCEEDED = "rate_limit_exceeded";

	/** The provider refused the request: prompt too long or otherwise invalid. */
	public static final String INVALID_PROMPT = "invalid_prompt";

	private final String code;

	public ModelException(String code, String message) {
		super(message);
		this.code = code;
	}

	public ModelException(String code, String message, Throwable cause) {
		super(message, cause);
		this.code = code;
	}

	public String code() {
		return this.code;
	}

}
