package com.threadline.chat.tool.code.jail;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The runner's wire format: a 4-byte big-endian length, then that many bytes of JSON.
 * What comes back from the jail is untrusted: a frame past the cap or not a JSON object
 * is a broken session, never a larger buffer.
 */
final class Frames {

	private static final JsonMapper JSON = JsonMapper.shared();

	private Frames() {
	}

	static void write(OutputStream out, JsonNode message) throws IOException {
		byte[] body = JSON.writeValueAsBytes(message);
		out.write(ByteBuffer.allocate(4).putInt(body.length).array());
		out.write(body);
		out.flush();
	}

	static JsonNode read(InputStream in, long maxBytes) throws IOException {
		DataInputStream data = new DataInputStream(in);
		int length = data.readInt();
		if (length < 0 || length > maxBytes) {
			throw new IOException("a frame of " + Integer.toUnsignedString(length) + " bytes is over the cap");
		}
		byte[] body = data.readNBytes(length);
		if (body.length != length) {
			throw new IOException("the interpreter closed its output mid-frame");
		}
		try {
			JsonNode message = JSON.readTree(body);
			if (!message.isObject()) {
				throw new IOException("a frame is not a JSON object");
			}
			return message;
		}
		catch (JacksonException ex) {
			throw new IOException("a frame is not JSON", ex);
		}
	}

}
