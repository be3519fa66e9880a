package com.threadline.chat.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Server-Sent Events client for tests: reads a response line by line as it arrives,
 * parses events as the SSE spec says, and keeps the raw text to check exact framing.
 */
final class EventStream implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final JsonMapper JSON = JsonMapper.shared();

	private final HttpResponse<Stream<String>> response;

	private final Iterator<String> lines;

	private final StringBuilder raw = new StringBuilder();

	private final List<String> comments = new ArrayList<>();

	/** One event as a client sees it. */
	record Event(@Nullable String id, String event, String data) {

		JsonNode json() {
			return JSON.readTree(this.data);
		}

	}

	private EventStream(HttpResponse<Stream<String>> response) {
		this.response = response;
		this.lines = response.body().iterator();
	}

	static EventStream post(String url, String credential, Object body) {
		return open(HttpRequest.newBuilder(URI.create(url))
			.header("Authorization", "Bearer " + credential)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
			.build());
	}

	static EventStream get(String url, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
		headers.forEach(request::header);
		return open(request.build());
	}

	private static EventStream open(HttpRequest request) {
		try {
			return new EventStream(HTTP.send(request, HttpResponse.BodyHandlers.ofLines()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	int status() {
		return this.response.statusCode();
	}

	@Nullable String contentType() {
		return this.response.headers().firstValue("Content-Type").orElse(null);
	}

	/** The next event, or {@code null} when the stream has ended. */
	@Nullable Event next() {
		String id = null;
		String event = null;
		List<String> data = new ArrayList<>();
		while (this.lines.hasNext()) {
			String line = this.lines.next();
			this.raw.append(line).append('\n');
			if (line.isEmpty()) {
				if (!data.isEmpty()) {
					return new Event(id, (event != null) ? event : "message", String.join("\n", data));
				}
				continue;
			}
			if (line.startsWith(":")) {
				this.comments.add(line);
				continue;
			}
			int colon = line.indexOf(':');
			String field = (colon < 0) ? line : line.substring(0, colon);
			String value = (colon < 0) ? "" : line.substring(colon + 1);
			value = value.startsWith(" ") ? value.substring(1) : value;
			switch (field) {
				case "id" -> id = value;
				case "event" -> event = value;
				case "data" -> data.add(value);
				default -> {
				}
			}
		}
		return null;
	}

	/** Events up to and including the first that matches, or to the end. */
	List<Event> until(Predicate<Event> last) {
		List<Event> events = new ArrayList<>();
		for (Event event = next(); event != null; event = next()) {
			events.add(event);
			if (last.test(event)) {
				break;
			}
		}
		return events;
	}

	/** Every remaining event, to the end of the stream. */
	List<Event> rest() {
		return until(event -> false);
	}

	/** What was read so far, byte for byte (lines joined by {@code \n}). */
	String raw() {
		return this.raw.toString();
	}

	List<String> comments() {
		return this.comments;
	}

	@Override
	public void close() {
		this.response.body().close();
	}

	static List<String> names(List<Event> events) {
		return events.stream().map(Event::event).toList();
	}

}
