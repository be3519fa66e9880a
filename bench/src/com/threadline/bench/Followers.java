package com.threadline.bench;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Idle followers of the events endpoint: a few runs held open by the mock
 * ({@code bench hold}), and many plain sockets each following one of them. A follower
 * counts once the app has answered 200 and replayed the run's first event; a virtual
 * thread per socket then reads (the 15 s keep-alives) until the app closes it. Raw
 * sockets keep the load generator's own cost per connection small.
 */
final class Followers {

	private final List<String[]> runs = new ArrayList<>();

	private final ConcurrentLinkedQueue<Socket> sockets = new ConcurrentLinkedQueue<>();

	private final AtomicInteger closed = new AtomicInteger();

	private int attempted;

	String hold(HttpClient client, String app, String key, String assistant, int count) throws Exception {
		for (int i = 0; i < count; i++) {
			HttpResponse<java.util.stream.Stream<String>> response = client.send(
					StreamRun.appRequest(app, key, assistant, "bench hold"), HttpResponse.BodyHandlers.ofLines());
			String thread = null;
			String run = null;
			String event = "";
			var lines = response.body().iterator();
			while (lines.hasNext()) {
				String line = lines.next();
				if (line.startsWith("event: ")) {
					event = line.substring(7);
				}
				else if (event.equals("thread.created") && thread == null) {
					thread = LoadGen.field(line, "\"id\"\\s*:\\s*\"([^\"]+)\"");
				}
				else if (event.equals("thread.run.created") && run == null) {
					run = LoadGen.field(line, "\"id\"\\s*:\\s*\"([^\"]+)\"");
				}
				else if (event.equals("thread.run.in_progress")) {
					break;
				}
			}
			response.body().close();
			if (thread == null || run == null) {
				throw new IllegalStateException("held run " + i + " gave no ids");
			}
			this.runs.add(new String[] { thread, run });
		}
		return "held=" + this.runs.size();
	}

	/** Opens followers until {@code total} were opened in all; answers how many are open. */
	String open(String app, String key, int total) throws Exception {
		URI base = URI.create(app);
		InetSocketAddress address = new InetSocketAddress(base.getHost(), base.getPort());
		Semaphore inFlight = new Semaphore(256);
		AtomicInteger failed = new AtomicInteger();
		AtomicReference<String> error = new AtomicReference<>("none");
		List<CompletableFuture<Boolean>> opened = new ArrayList<>();
		long start = System.nanoTime();
		for (int i = this.attempted; i < total; i++, this.attempted++) {
			String[] run = this.runs.get(i % this.runs.size());
			String request = "GET /v1/threads/" + run[0] + "/runs/" + run[1] + "/events HTTP/1.1\r\nHost: "
					+ base.getAuthority() + "\r\nAuthorization: Bearer " + key + "\r\nAccept: text/event-stream\r\n\r\n";
			CompletableFuture<Boolean> first = new CompletableFuture<>();
			opened.add(first);
			inFlight.acquire();
			Thread.ofVirtual().start(() -> follow(address, request, first, inFlight, error));
		}
		for (CompletableFuture<Boolean> first : opened) {
			if (!first.get(120, TimeUnit.SECONDS)) {
				failed.incrementAndGet();
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		return "open=%d failed=%d closed=%d seconds=%.1f error=%s".formatted(this.sockets.size() - this.closed.get(),
				failed.get(), this.closed.get(), seconds, error.get());
	}

	private void follow(InetSocketAddress address, String request, CompletableFuture<Boolean> first,
			Semaphore inFlight, AtomicReference<String> error) {
		Socket socket = new Socket();
		try {
			socket.connect(address, 30_000);
			socket.setSoTimeout(60_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			StringBuilder head = new StringBuilder();
			byte[] buffer = new byte[2048];
			int read;
			while (!head.toString().contains("\nevent: ") && (read = in.read(buffer)) > 0) {
				head.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
				if (!head.toString().startsWith("HTTP/1.1 200")) {
					throw new IllegalStateException(head.toString().lines().findFirst().orElse("no status"));
				}
			}
			if (!head.toString().contains("\nevent: ")) {
				throw new IllegalStateException("closed before the first event");
			}
			this.sockets.add(socket);
			first.complete(true);
			inFlight.release();
			socket.setSoTimeout(0);
			while (in.read(buffer) > 0) {
				// keep-alive comments; nothing else comes while the run is held
			}
			this.closed.incrementAndGet();
		}
		catch (Exception ex) {
			error.compareAndSet("none", ex.getClass().getSimpleName() + ":" + String.valueOf(ex.getMessage())
				.replace(' ', '_'));
			if (!first.isDone()) {
				first.complete(false);
				inFlight.release();
			}
			else {
				this.closed.incrementAndGet();
			}
			try {
				socket.close();
			}
			catch (Exception ignored) {
				// already gone
			}
		}
	}

	String close(HttpClient client, String app, String key) throws Exception {
		int count = this.sockets.size();
		Socket socket;
		while ((socket = this.sockets.poll()) != null) {
			socket.close();
		}
		for (String[] run : this.runs) {
			client.send(StreamRun.post(app + "/v1/threads/" + run[0] + "/runs/" + run[1] + "/cancel", key, "{}"),
					HttpResponse.BodyHandlers.discarding());
		}
		this.runs.clear();
		return "closed=" + count;
	}

}
