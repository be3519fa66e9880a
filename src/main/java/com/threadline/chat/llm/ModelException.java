package com.threadline.chat.llm;

/**
 * A model call that failed, with the OpenAI {@code last_error} code a run reports:
 * {@code server_error}, {@code rate_limit_exceeded} or {@code invalid_prompt}.
 */
public class ModelException extends RuntimeException {

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
