package com.threadline.chat.tool.sql;

/**
 * A query the gate will not run; the message, which goes back to the model, says why and
 * what to do instead.
 */
final class QueryRefused extends RuntimeException {

	QueryRefused(String message) {
		super(message, null, false, false);
	}

}
