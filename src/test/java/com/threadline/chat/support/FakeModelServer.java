package com.threadline.chat.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * A scripted, OpenAI-compatible chat-completions server over real HTTP on 127.0.0.1 (a
 * random port), so tests drive our real HTTP client code. It answers
 * {@code POST …/chat/completions} (any prefix, e.g. {@code /v1}): streamed requests with
 * {@code text/event-stream} {@code data: {chat.completion.chunk}} lines exactly as OpenAI
 * frames them (role chunk, deltas, a finish-reason chunk, a usage chunk with
 * {@code choices: []} when {@code stream_options.include_usage} is set, then
 * {@code data: [DONE]}), other requests with one {@code chat.completion} JSON. Every
 * chunk is flushed on its own, so deltas arrive over time.
 * <p>
 * Each request is answered by a {@link Script}: first by the first {@link #when route}
 * whose predicate matches, else by the next {@link #enqueue queued} script, else with
 * HTTP 500 and an error body saying nothing was scripted, so a test notices.
 *
 * <pre class="code">
 * FakeModelServer model = FakeModelServer.shared();
 * model.enqueue(Script.rateLimited(Duration.ofSeconds(1)), Script.text("Hi", "!"));
 * model.when(RecordedRequest.lastUserMessageContains("[weather]"),
 *         Script.toolCalls(Script.call("call_1", "get_weather", "{\"city\":\"Paris\"}")),
 *         Script.text("It is sunny."));
 * …
 * assertThat(model.lastRequest().authorization()).isEqualTo("Bearer test-key");
 * </pre>
 *
 * Every request is recorded ({@link #requests()}, {@link #lastRequest()},
 * {@link #awaitRequests}). {@link #reset()} forgets requests, queue and routes and
 * releases hanging answers; {@code IntegrationTest} calls it before each test.
 */
public final class FakeModelServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(FakeModelServer.class);

	private static final JsonMapper JSON = JsonMapper.shared();

	private static volatile @Nullable FakeModelServer shared;

	private final HttpServer server;

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	private final Deque<Script> queue = new ArrayDeque<>();

	private final List<Route> routes = new ArrayList<>();

	private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

	private volatile CountDownLatch release = new CountDownLatch(1);

	private FakeModelServer() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the fake model server", ex);
		}
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::handle);
		this.server.start();
		log.info("Fake model server listening on {}", baseUrl());
	}

	/** The one server of this test JVM, started on first use and stopped at JVM exit. */
	public static FakeModelServer shared() {
		FakeModelServer result = shared;
		if (result == null) {
			synchronized (FakeModelServer.class) {
				result = shared;
				if (result == null) {
					result = new FakeModelServer();
					Runtime.getRuntime().addShutdownHook(new Thread(result::close));
					shared = result;
				}
			}
		}
		return result;
	}

	/**
	 * A server of its own (e.g. a second provider); the caller closes it.
	 */
	public static FakeModelServer start() {
		return new FakeModelServer();
	}

	public int port() {
		return this.server.getAddress().getPort();
	}

	/** The OpenAI-style base URL, {@code http://127.0.0.1:<port>/v1}. */
	public String baseUrl() {
		return "http://127.0.0.1:" + port() + "/v1";
	}

	/** Queues scripts that answer the next unrouted requests, first in, first out. */
	public FakeModelServer enqueue(Script... scripts) {
		synchronized (this.queue) {
			this.queue.addAll(List.of(scripts));
		}
		return this;
	}

	/**
	 * Answers requests matching {@code predicate} ahead of the queue: the first match
	 * with {@code first}, later ones with {@code then} in order, the last script
	 * answering all further matches. Routes are tried in the order they were added.
	 */
	public FakeModelServer when(Predicate<RecordedRequest> predicate, Script first, Script... then) {
		List<Script> scripts = new ArrayList<>();
		scripts.add(first);
		scripts.addAll(List.of(then));
		synchronized (this.queue) {
			this.routes.add(new Route(predicate, List.copyOf(scripts), new AtomicInteger()));
		}
		return this;
	}

	/** Every request received since the last reset, in order of arrival. */
	public List<RecordedRequest> requests() {
		return List.copyOf(this.requests);
	}

	/** The latest request; fails when there was none. */
	public RecordedRequest lastRequest() {
		List<RecordedRequest> all = requests();
		if (all.isEmpty()) {
			throw new AssertionError("The fake model server received no request");
		}
		return all.get(all.size() - 1);
	}

	/** Waits until at least {@code count} requests were received since the last reset. */
	public List<RecordedRequest> awaitRequests(int count, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.requests) {
			while (this.requests.size() < count) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					throw new AssertionError("Expected " + count + " model requests within " + timeout + ", got "
							+ this.requests.size());
				}
				try {
					this.requests.wait(Math.max(1, left / 1_000_000));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new AssertionError("Interrupted", ex);
				}
			}
		}
		return requests();
	}

	/** Forgets requests, queued scripts and routes, and ends hanging answers. */
	public void reset() {
		synchronized (this.queue) {
			this.queue.clear();
			this.routes.clear();
		}
		this.requests.clear();
		CountDownLatch released = this.release;
		this.release = new CountDownLatch(1);
		released.countDown();
	}

	@Override
	public void close() {
		this.release.countDown();
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		RecordedRequest request = record(exchange);
		CountDownLatch released = this.release;
		try {
			if (!"POST".equals(request.method()) || !request.path().endsWith("/chat/completions")) {
				respond(exchange, 404, Script.error(404, "invalid_request_error", "unknown_url",
						"Unknown request URL: " + request.method() + " " + request.path()).errorBody);
				request.outcome().complete(RecordedRequest.Outcome.COMPLETED);
				return;
			}
			Script script = scriptFor(request);
			if (script == null) {
				log.warn("Fake model server: nothing scripted for request {}", request.rawBody());
				respond(exchange, 500,
						Script.error(500, "server_error", null,
								"FakeModelServer: no script queued or routed for this request (last user message: "
										+ request.lastUserMessage() + ")").errorBody);
				request.outcome().complete(RecordedRequest.Outcome.COMPLETED);
				return;
			}
			new Reply(exchange, request, script, released).send();
		}
		catch (IOException ex) {
			request.outcome().complete(RecordedRequest.Outcome.CLIENT_GONE);
			throw ex;
		}
		finally {
			request.outcome().complete(RecordedRequest.Outcome.COMPLETED);
		}
	}

	private RecordedRequest record(HttpExchange exchange) throws IOException {
		String raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		Map<String, List<String>> headers = new TreeMap<>();
		exchange.getRequestHeaders()
			.forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
		JsonNode body;
		try {
			body = JSON.readTree(raw);
		}
		catch (RuntimeException ex) {
			body = MissingNode.getInstance();
		}
		RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
				Collections.unmodifiableMap(headers), raw, body, new CompletableFuture<>(), Instant.now());
		synchronized (this.requests) {
			this.requests.add(request);
			this.requests.notifyAll();
		}
		return request;
	}

	private @Nullable Script scriptFor(RecordedRequest request) {
		synchronized (this.queue) {
			for (Route route : this.routes) {
				if (route.predicate().test(request)) {
					int next = route.answered().getAndIncrement();
					return route.scripts().get(Math.min(next, route.scripts().size() - 1));
				}
			}
			return this.queue.poll();
		}
	}

	static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	static String quote(String text) {
		return JSON.writeValueAsString(text);
	}

	private record Route(Predicate<RecordedRequest> predicate, List<Script> scripts, AtomicInteger answered) {
	}

}
