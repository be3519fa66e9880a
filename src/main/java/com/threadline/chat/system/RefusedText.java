package com.threadline.chat.system;

import java.util.ArrayDeque;
import java.util.Deque;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON string (or object key) that the database cannot hold; Jackson adds the path of
 * the offending value as the exception travels out, and {@link OpenAiErrorHandler} names
 * it as the {@code param} of a 400.
 */
class RefusedText extends MismatchedInputException {

	private final String problem;

	RefusedText(JsonParser parser, String problem) {
		super(parser, "Text that cannot be stored: " + problem);
		this.problem = problem;
	}

	/**
	 * The parameter whose key holds an unpaired surrogate, when that is why the JSON
	 * parser stopped: it refuses such keys itself, before any deserializer sees them, so
	 * the path is that of the object the parser was reading (e.g. {@code metadata}), or
	 * {@code null} for the body itself.
	 */
	static @Nullable String brokenKey(StreamReadException ex) {
		String message = ex.getOriginalMessage();
		if (message == null || !message.contains("surrogate") || !message.contains("property name")
				|| !(ex.processor() instanceof JsonParser parser)) {
			return null;
		}
		Deque<String> path = new ArrayDeque<>();
		TokenStreamContext object = parser.streamReadContext();
		for (TokenStreamContext c = (object != null) ? object.getParent() : null; c != null; c = c.getParent()) {
			if (c.inArray()) {
				path.push("[" + c.getCurrentIndex() + "]");
			}
			else if (c.inObject() && c.currentName() != null) {
				path.push("." + c.currentName());
			}
		}
		String param = String.join("", path);
		return param.isEmpty() ? null : param.substring(param.startsWith(".") ? 1 : 0);
	}

	/** Why the text was refused, e.g. that it contains a NUL character. */
	String problem() {
		return this.problem;
	}

}
