package com.threadline.chat.tool.code.jail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import com.threadline.chat.tool.code.CodeInterpreterProperties;

/**
 * One jailed CPython process running the trusted runner, spoken to over its stdin and
 * stdout. Not thread-safe: its session lets one call in at a time.
 */
public final class Interpreter implements AutoCloseable {

	private final Process process;

	private final OutputStream requests;

	private final InputStream responses;

	private final long maxFrame;

	private final OptionalInt uid;

	private Interpreter(Process process, long maxFrame, OptionalInt uid) {
		this.process = process;
		this.requests = process.getOutputStream();
		this.responses = process.getInputStream();
		this.maxFrame = maxFrame;
		this.uid = uid;
	}

	/**
	 * Starts an interpreter and waits until it has imported numpy, pandas and matplotlib.
	 */
	static Interpreter start(Jail jail, CodeInterpreterProperties properties, OptionalInt uid) {
		Process process;
		try {
			ProcessBuilder builder = new ProcessBuilder(jail.command(uid))
				.redirectError(ProcessBuilder.Redirect.DISCARD);
			// bwrap itself is pid 1 in the jail, readable there: it must not carry the
			// server's environment (secrets) either, not only the interpreter.
			builder.environment().clear();
			process = builder.start();
		}
		catch (IOException ex) {
			throw new InterpreterBroken("the sandbox could not start: " + ex.getMessage(), ex);
		}
		long maxFrame = 16 * properties.maxOutputSize().toBytes()
				+ (properties.maxImages() + 2L) * properties.maxFileSize().toBytes() * 4 / 3;
		Interpreter interpreter = new Interpreter(process, maxFrame, uid);
		try {
			JsonNode hello = interpreter.receive(properties.startTimeout());
			if (!hello.path("ready").asBoolean(false)) {
				throw new InterpreterBroken("the sandbox did not report ready");
			}
			return interpreter;
		}
		catch (RuntimeException ex) {
			interpreter.close();
			throw ex;
		}
	}

	OptionalInt uid() {
		return this.uid;
	}

	public boolean alive() {
		return this.process.isAlive();
	}

	public Execution execute(String code, Duration timeout) {
		JsonNode response = exchange(request("exec").put("code", code), timeout);
		List<byte[]> images = new ArrayList<>();
		for (JsonNode image : response.path("images")) {
			images.add(Base64.getDecoder().decode(image.asString("")));
		}
		List<Execution.Written> written = new ArrayList<>();
		for (JsonNode file : response.path("files")) {
			written.add(new Execution.Written(file.path("name").asString(""), file.path("size").asLong(0)));
		}
		JsonNode error = response.path("error");
		return new Execution(response.path("logs").asString(""), response.path("cut").asBoolean(false),
				error.isString() && !error.asString().isEmpty() ? error.asString() : null, images, written);
	}

	/**
	 * Writes a file into {@code /mnt/data}; returns the name it got (a suffix on a
	 * collision).
	 */
	public String put(String name, byte[] content, Duration timeout) {
		JsonNode response = exchange(
				request("put").put("name", name).put("data", Base64.getEncoder().encodeToString(content)), timeout);
		return checked(response).path("name").asString();
	}

	public byte[] get(String name, Duration timeout) {
		JsonNode response = checked(exchange(request("get").put("name", name), timeout));
		return Base64.getDecoder().decode(response.path("data").asString(""));
	}

	/** The resident memory of every process of this interpreter, in bytes. */
	public long residentBytes() {
		return Stream.concat(Stream.of(this.process.toHandle()), this.process.descendants())
			.mapToLong(handle -> residentBytes(handle.pid()))
			.sum();
	}

	@Override
	public void close() {
		this.process.descendants().forEach(ProcessHandle::destroyForcibly);
		this.process.destroyForcibly();
		try {
			this.process.waitFor(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static ObjectNode request(String op) {
		return JsonNodeFactory.instance.objectNode().put("op", op);
	}

	private static JsonNode checked(JsonNode response) {
		if (response.path("error").isString()) {
			throw new IllegalArgumentException(response.path("error").asString());
		}
		return response;
	}

	private JsonNode exchange(JsonNode request, Duration timeout) {
		try {
			Frames.write(this.requests, request);
		}
		catch (IOException ex) {
			close();
			throw new InterpreterBroken("the interpreter is gone", ex);
		}
		return receive(timeout);
	}

	private JsonNode receive(Duration timeout) {
		try (var reader = Executors.newVirtualThreadPerTaskExecutor()) {
			Future<JsonNode> frame = reader.submit(() -> Frames.read(this.responses, this.maxFrame));
			try {
				return frame.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (TimeoutException ex) {
				close();
				throw new InterpreterBroken("the code ran longer than " + timeout.toSeconds() + " s and was stopped");
			}
			catch (ExecutionException ex) {
				close();
				throw new InterpreterBroken("the interpreter stopped (" + ex.getCause().getMessage() + ")", ex);
			}
			catch (InterruptedException ex) {
				close();
				Thread.currentThread().interrupt();
				throw new InterpreterBroken("the call was interrupted", ex);
			}
		}
	}

	private static long residentBytes(long pid) {
		try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "status"))) {
			return lines.filter(line -> line.startsWith("VmRSS:"))
				.mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) * 1024)
				.sum();
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

}
