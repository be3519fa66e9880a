package com.threadline.chat.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * An HTTP server on another port of 127.0.0.1, so another origin than the page's, that
 * stands for an attacker's site: it records every request it gets and answers each with a
 * tiny image, so that a request that should not happen would also succeed.
 */
final class OtherOrigin implements AutoCloseable {

	private static final byte[] GIF = Base64.getDecoder()
		.decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

	private final HttpServer server;

	private final List<String> requests = new CopyOnWriteArrayList<>();

	OtherOrigin() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/", exchange -> {
			this.requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
			exchange.getResponseHeaders().set("Content-Type", "image/gif");
			exchange.sendResponseHeaders(200, GIF.length);
			exchange.getResponseBody().write(GIF);
			exchange.close();
		});
		this.server.start();
	}

	/** An absolute URL of this origin. */
	String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	/** The requests received so far, as {@code "GET /path?query"}. */
	List<String> requests() {
		return List.copyOf(this.requests);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
