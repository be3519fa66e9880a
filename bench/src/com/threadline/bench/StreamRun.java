package com.threadline.bench;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.BitSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One streamed reply, read as it arrives: through the app (create-thread-and-run with
 * {@code stream: true}, its {@code thread.message.delta} events) or straight from the
 * mock ({@code chat.completion.chunk} deltas). Parses the mock's stamps from the text.
 */
final class StreamRun {

	private static final Pattern STAMP = Pattern.compile("~(\\d+)@(\\d+)~");

	private final HttpClient client;

	private final int deltas;

	private final Samples lags;

	volatile InputStream body;

	long ttftNanos = -1;

	long firstAt;

	long lastAt;

	long maxGapNanos;

	int received;

	int outOfOrder;

	String error;

	StreamRun(HttpClient client, int deltas, Samples lags) {
		this.client = client;
		this.deltas = deltas;
		this.lags = lags;
	}

	static HttpRequest appRequest(String appBase, String key, String assistant, String content) {
		String json = "{\"assistant_id\":\"" + assistant + "\",\"stream\":true,\"thread\":{\"messages\":[{\"role\":\"user\",\"content\":\""
				+ content + "\"}]}}";
		return post(appBase + "/v1/threads/runs", key, json);
	}

	static HttpRequest directRequest(String mockBase, String content) {
		String json = "{\"model\":\"bench-model\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
				+ "\"messages\":[{\"role\":\"user\",\"content\":\"" + content + "\"}]}";
		return post(mockBase + "/chat/completions", "bench", json);
	}

	static HttpRequest post(String url, String bearer, String json) {
		return HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(120))
			.header("Authorization", "Bearer " + bearer)
			.header("Content-Type", "application/json")
			.header("Accept", "text/event-stream")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
	}

	/** Sends the request and reads the stream to its end; never throws. */
	StreamRun run(HttpRequest request, boolean app) {
		long start = System.nanoTime();
		BitSet seen = new BitSet(this.deltas);
		long previous = 0;
		int last = -1;
		try {
			HttpResponse<InputStream> response = this.client.send(request, HttpResponse.BodyHandlers.ofInputStream());
			this.body = response.body();
			if (response.statusCode() != 200) {
				this.error = "status_" + response.statusCode();
				response.body().close();
				return this;
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
			String event = "";
			String line;
			while ((line = reader.readLine()) != null) {
				long now = System.nanoTime();
				if (line.startsWith("event: ")) {
					event = line.substring(7);
					if (event.equals("error") || event.equals("thread.run.failed")) {
						this.error = event;
					}
					continue;
				}
				if (!line.startsWith("data: ")) {
					continue;
				}
				if (app ? event.equals("done") : line.equals("data: [DONE]")) {
					break;
				}
				if (app && !event.equals("thread.message.delta")) {
					continue;
				}
				Matcher stamp = STAMP.matcher(line);
				while (stamp.find()) {
					int index = Integer.parseInt(stamp.group(1));
					long sent = Long.parseLong(stamp.group(2));
					if (this.ttftNanos < 0) {
						this.ttftNanos = now - start;
						this.firstAt = now;
					}
					else {
						this.maxGapNanos = Math.max(this.maxGapNanos, now - previous);
					}
					previous = now;
					this.lastAt = now;
					if (index <= last) {
						this.outOfOrder++;
					}
					last = index;
					if (!seen.get(index)) {
						seen.set(index);
						this.received++;
						this.lags.add(now - sent);
					}
				}
			}
			reader.close();
		}
		catch (Exception ex) {
			this.error = ex.getClass().getSimpleName();
		}
		return this;
	}

	int lost() {
		return this.deltas - this.received;
	}

}
