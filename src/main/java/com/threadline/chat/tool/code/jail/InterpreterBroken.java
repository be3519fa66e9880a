package com.threadline.chat.tool.code.jail;

/**
 * An interpreter died, hung past its time, or answered out of protocol: its session and
 * everything in it are gone.
 */
public final class InterpreterBroken extends RuntimeException {

	InterpreterBroken(String message) {
		super(message);
	}

	InterpreterBroken(String message, Throwable cause) {
		super(message, cause);
	}

}
