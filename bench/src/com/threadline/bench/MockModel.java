package com.threadline.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The paced mock model, a process of its own: OpenAI-compatible streaming
 * {@code POST /v1/chat/completions}. The last user message says what to send
 * ({@code bench deltas=64 pace=20}, or {@code bench hold} for a reply that never
 * comes). Each delta's text is {@code ~<index>@<nanos>~ }, stamped with
 * {@link System#nanoTime()} right before it is written: on Linux that is
 * CLOCK_MONOTONIC, comparable between processes of one machine. Deltas follow an
 * absolute schedule (start + index × pace), so a late one does not delay the rest;
 * how late each was sent (its slip) is the mock's own ceiling, read and reset with
 * {@code GET /bench/stats}.
 * <p>
 * Usage: {@code MockModel <port>}; prints {@code READY <port>}.
 */
public final class MockModel {

	private static final Pattern DELTAS = Pattern.compile("deltas=(\\d+)");

	private static final Pattern PACE = Pattern.compile("pace=(\\d+)");

	private static final long HOLD_NANOS = 600_000_000_000L;

	private final Samples slips = new Samples();

	public static void main(String[] args) throws IOException {
		int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 8192);
		server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		MockModel mock = new MockModel();
		server.createContext("/v1/chat/completions", mock::complete);
		server.createContext("/bench/stats", mock::stats);
		server.start();
		System.out.println("READY " + server.getAddress().getPort());
		System.out.flush();
	}

	private void stats(HttpExchange exchange) throws IOException {
		Samples.Summary slip = this.slips.drain();
		String body = "slip_p50_ms=%.3f slip_p99_ms=%.3f slip_max_ms=%.3f deltas=%d".formatted(slip.p50() / 1e6,
				slip.p99() / 1e6, slip.max() / 1e6, slip.count());
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(200, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private void complete(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		String user = lastUserContent(body);
		boolean usage = body.contains("\"include_usage\":true") || body.contains("\"include_usage\" : true");
		exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
		exchange.getResponseHeaders().set("Cache-Control", "no-cache");
		exchange.sendResponseHeaders(200, 0);
		try (OutputStream out = exchange.getResponseBody()) {
			Chunks chunks = new Chunks(usage);
			write(out, chunks.delta("\"role\":\"assistant\",\"content\":\"\",\"refusal\":null", null));
			if (user.contains("bench hold")) {
				sleepUntil(System.nanoTime() + HOLD_NANOS);
				return;
			}
			int deltas = number(DELTAS, user, 64);
			long pace = number(PACE, user, 20) * 1_000_000L;
			long start = System.nanoTime();
			for (int i = 0; i < deltas; i++) {
				long due = start + i * pace;
				sleepUntil(due);
				long now = System.nanoTime();
				this.slips.add(now - due);
				write(out, chunks.delta("\"content\":\"~" + i + "@" + now + "~ \"", null));
			}
			write(out, chunks.delta("", "stop"));
			if (usage) {
				write(out, chunks.usage(deltas));
			}
			write(out, "[DONE]");
		}
		catch (IOException ex) {
			// The reader went away (a cancelled run, a stopped app): nothing to answer.
		}
	}

	private static void write(OutputStream out, String data) throws IOException {
		out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	private static String lastUserContent(String body) {
		int at = body.lastIndexOf("bench ");
		return at < 0 ? "" : body.substring(at, Math.min(body.length(), at + 64));
	}

	private static int number(Pattern pattern, String text, int fallback) {
		Matcher matcher = pattern.matcher(text);
		return matcher.find() ? Integer.parseInt(matcher.group(1)) : fallback;
	}

	private static void sleepUntil(long due) {
		long left;
		while ((left = due - System.nanoTime()) > 0) {
			try {
				Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/** The JSON of one reply's chunks, as OpenAI frames them. */
	private record Chunks(boolean usage, String head) {

		Chunks(boolean usage) {
			this(usage, "{\"id\":\"chatcmpl-bench" + System.nanoTime()
					+ "\",\"object\":\"chat.completion.chunk\",\"created\":" + System.currentTimeMillis() / 1000
					+ ",\"model\":\"bench-model\",\"system_fingerprint\":\"fp_bench\",");
		}

		String delta(String fields, String finish) {
			return this.head + "\"choices\":[{\"index\":0,\"delta\":{" + fields + "},\"logprobs\":null,\"finish_reason\":"
					+ (finish == null ? "null" : "\"" + finish + "\"") + "}]" + (this.usage ? ",\"usage\":null}" : "}");
		}

		String usage(int completion) {
			return this.head + "\"choices\":[],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":" + completion
					+ ",\"total_tokens\":" + (10 + completion) + "}}";
		}

	}

}
