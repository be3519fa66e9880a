package com.threadline.chat.security;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * HTTP/1.1 over a plain socket, so that a request target reaches the server byte for byte
 * as written (HTTP clients normalise or refuse the very paths these tests try).
 */
final class RawHttp {

	private final int port;

	RawHttp(int port) {
		this.port = port;
	}

	/** A response: its status, lower-cased header block and body. */
	record Response(int status, String headers, String body) {
	}

	Response send(String method, String target, @Nullable String bearer, @Nullable String jsonBody) {
		StringBuilder request = new StringBuilder().append(method)
			.append(' ')
			.append(target)
			.append(" HTTP/1.1\r\n")
			.append("Host: localhost:")
			.append(this.port)
			.append("\r\n")
			.append("Connection: close\r\n");
		if (bearer != null) {
			request.append("Authorization: Bearer ").append(bearer).append("\r\n");
		}
		byte[] body = (jsonBody != null) ? jsonBody.getBytes(StandardCharsets.UTF_8) : new byte[0];
		if (jsonBody != null) {
			request.append("Content-Type: application/json\r\n");
		}
		request.append("Content-Length: ").append(body.length).append("\r\n\r\n");
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(30_000);
			// One write: a server that answers from the head alone and closes must not
			// find body bytes still arriving (it would reset the connection).
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			bytes.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			bytes.write(body);
			OutputStream out = socket.getOutputStream();
			out.write(bytes.toByteArray());
			out.flush();
			return parse(socket.getInputStream().readAllBytes());
		}
		catch (SocketException ex) {
			// Status 0: the server dropped the connection without answering.
			return new Response(0, "", ex.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Response parse(byte[] raw) throws IOException {
		String text = new String(raw, StandardCharsets.ISO_8859_1);
		int end = text.indexOf("\r\n\r\n");
		if (end < 0) {
			throw new IOException("Not an HTTP response: " + text);
		}
		String head = text.substring(0, end);
		int status = Integer.parseInt(head.substring(9, 12));
		String headers = head.toLowerCase(Locale.ROOT);
		byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length);
		if (headers.contains("transfer-encoding: chunked")) {
			body = dechunk(new ByteArrayInputStream(body));
		}
		return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
	}

	private static byte[] dechunk(InputStream in) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		while (true) {
			StringBuilder size = new StringBuilder();
			for (int c = in.read(); c != '\n' && c >= 0; c = in.read()) {
				size.append((char) c);
			}
			int length = Integer.parseInt(size.toString().strip().split(";")[0], 16);
			if (length == 0) {
				return out.toByteArray();
			}
			out.write(in.readNBytes(length));
			in.skipNBytes(2);
		}
	}

}
