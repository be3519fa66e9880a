package com.threadline.chat.run.engine.code;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.async.ByteArrayFeeder;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Python code of a {@code code_interpreter} call, decoded while the model still
 * writes its arguments ({@code {"code": "…"}}), so that clients see the code as it is
 * written. Jackson's non-blocking parser follows the JSON's structure and says where the
 * {@code code} string starts; as it only yields a string once it is closed, the part
 * written so far is decoded by Jackson as a string closed early, holding back an escape
 * (or the first half of an escaped surrogate pair) that has not fully arrived. Arguments
 * that are a JSON string are the code as that string; any others that do not start as an
 * object are the code itself, as the tool also takes them.
 */
public final class CodeInput {

	private static final JsonFactory JSON = new JsonFactory();

	private static final String CODE = "code";

	private enum Mode {

		UNDECIDED, OBJECT, RAW, DONE

	}

	private final JsonParser parser = JSON.createNonBlockingByteArrayParser(ObjectReadContext.empty());

	private final StringBuilder decoded = new StringBuilder();

	private final StringBuilder leading = new StringBuilder();

	private Mode mode = Mode.UNDECIDED;

	private byte[] bytes = new byte[256];

	private int length;

	/** Where the value of {@code code} may start: just past its name; -1 before. */
	private int afterName = -1;

	/** The first byte of the string's content once its opening quote is in; -1 before. */
	private int contentStart = -1;

	/** How far the string's content has been decoded. */
	private int decodedTo;

	private char heldHighSurrogate;

	/**
	 * The code of complete arguments, as the tool runs it: the {@code code} string of an
	 * object, a JSON string's value, otherwise the arguments as they are.
	 */
	public static String of(String arguments) {
		try {
			JsonNode node = JsonMapper.shared().readTree(arguments);
			JsonNode code = (node == null || node.isString()) ? node : node.path(CODE);
			return (code != null && code.isString()) ? code.asString() : arguments;
		}
		catch (JacksonException ex) {
			return arguments;
		}
	}

	/**
	 * Takes the next fragment of the arguments; returns the code it completes, if any.
	 */
	public String append(String fragment) {
		String text = withHeldSurrogate(fragment);
		String piece = switch (this.mode) {
			case UNDECIDED -> decide(text);
			case OBJECT -> feed(text);
			case RAW -> text;
			case DONE -> "";
		};
		this.decoded.append(piece);
		return piece;
	}

	/**
	 * What is left of {@code code} (the call's whole code) after what was decoded so far,
	 * so that the pieces add up to it; empty when they cannot (the arguments were not
	 * what they seemed while they streamed).
	 */
	public String rest(String code) {
		String so = this.decoded.toString();
		String rest = code.startsWith(so) ? code.substring(so.length()) : "";
		this.decoded.append(rest);
		this.mode = Mode.DONE;
		return rest;
	}

	/** A surrogate pair split between fragments is handed on whole. */
	private String withHeldSurrogate(String fragment) {
		String text = (this.heldHighSurrogate != 0) ? this.heldHighSurrogate + fragment : fragment;
		this.heldHighSurrogate = 0;
		if (!text.isEmpty() && Character.isHighSurrogate(text.charAt(text.length() - 1))) {
			this.heldHighSurrogate = text.charAt(text.length() - 1);
			return text.substring(0, text.length() - 1);
		}
		return text;
	}

	private String decide(String text) {
		this.leading.append(text);
		String seen = this.leading.toString();
		String start = seen.stripLeading();
		if (start.isEmpty()) {
			return "";
		}
		this.mode = (start.startsWith("{") || start.startsWith("\"")) ? Mode.OBJECT : Mode.RAW;
		if (start.startsWith("\"")) {
			// A JSON string is the code itself: its value starts right here.
			this.afterName = seen.length() - start.length();
		}
		return (this.mode == Mode.RAW) ? seen : feed(seen);
	}

	private String feed(String text) {
		byte[] input = text.getBytes(StandardCharsets.UTF_8);
		if (this.length + input.length > this.bytes.length) {
			this.bytes = Arrays.copyOf(this.bytes, Math.max(this.bytes.length * 2, this.length + input.length));
		}
		System.arraycopy(input, 0, this.bytes, this.length, input.length);
		this.length += input.length;
		try {
			((ByteArrayFeeder) this.parser.nonBlockingInputFeeder()).feedInput(input, 0, input.length);
			for (JsonToken token = this.parser.nextToken(); token != null
					&& token != JsonToken.NOT_AVAILABLE; token = this.parser.nextToken()) {
				String code = token(token);
				if (code != null) {
					return code;
				}
			}
			return openString();
		}
		catch (JacksonException ex) {
			this.mode = Mode.DONE;
			return "";
		}
	}

	/**
	 * Follows a complete token; returns the rest of the code once its string is whole.
	 */
	private @Nullable String token(JsonToken token) {
		int depth = this.parser.streamReadContext().getNestingDepth();
		if (this.afterName >= 0) {
			this.mode = Mode.DONE;
			String code = (token == JsonToken.VALUE_STRING) ? this.parser.getString() : "";
			return code.startsWith(this.decoded.toString()) ? code.substring(this.decoded.length()) : "";
		}
		if (token == JsonToken.PROPERTY_NAME && depth == 1 && this.parser.currentName().equals(CODE)) {
			this.afterName = (int) this.parser.currentLocation().getByteOffset();
		}
		else if (depth == 0 && token.isStructEnd()) {
			this.mode = Mode.DONE;
			return "";
		}
		return null;
	}

	/** Decodes what has arrived of the {@code code} string while it is still open. */
	private String openString() {
		if (this.afterName < 0) {
			return "";
		}
		if (this.contentStart < 0) {
			int at = this.afterName;
			while (at < this.length && (Character.isWhitespace(this.bytes[at]) || this.bytes[at] == ':')) {
				at++;
			}
			if (at == this.length || this.bytes[at] != '"') {
				return "";
			}
			this.contentStart = at + 1;
			this.decodedTo = this.contentStart;
		}
		int safe = JsonStringPrefix.safeEnd(this.bytes, this.decodedTo, this.length);
		if (safe == this.decodedTo) {
			return "";
		}
		String piece = JsonStringPrefix.decode(this.bytes, this.decodedTo, safe);
		this.decodedTo = safe;
		return piece;
	}

}
