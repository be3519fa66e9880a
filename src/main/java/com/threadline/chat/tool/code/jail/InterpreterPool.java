package com.threadline.chat.tool.code.jail;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.threadline.chat.tool.code.CodeInterpreterProperties;

/**
 * Started interpreters that have already imported numpy, pandas and matplotlib, refilled
 * in the background, so a thread's first call does not pay for the imports. The first
 * interpreter it starts is also the probe that tells whether the sandbox works here.
 */
public final class InterpreterPool implements AutoCloseable {

	static final String INSTALL = "apt-get install bubblewrap python3 python3-numpy python3-pandas python3-matplotlib";

	private static final Logger log = LoggerFactory.getLogger(InterpreterPool.class);

	private final Jail jail;

	private final CodeInterpreterProperties properties;

	private final Uids uids;

	private final LinkedBlockingDeque<Interpreter> ready = new LinkedBlockingDeque<>();

	private final AtomicInteger starting = new AtomicInteger();

	private final AtomicBoolean closed = new AtomicBoolean();

	private final ExecutorService starter = Executors.newVirtualThreadPerTaskExecutor();

	private final CompletableFuture<Optional<String>> probe;

	public InterpreterPool(Jail jail, CodeInterpreterProperties properties) {
		this.jail = jail;
		this.properties = properties;
		this.uids = new Uids(properties.uidBase(), properties.uidCount(), jail.dropsPrivileges());
		this.probe = CompletableFuture.supplyAsync(this::probe, this.starter);
	}

	/**
	 * Why the sandbox cannot run here, or empty. Waits for the start-up probe (at most
	 * the start timeout): a server must not accept an assistant whose tool cannot run.
	 */
	public Optional<String> unavailable() {
		try {
			return this.probe.get(this.properties.startTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			return Optional.of("the sandbox did not start within " + this.properties.startTimeout().toSeconds() + " s");
		}
		catch (Exception ex) {
			return Optional.of("the sandbox probe failed: " + ex.getMessage());
		}
	}

	/** A ready interpreter: a pooled one, or (none waiting) a new one started now. */
	public Interpreter take() {
		Interpreter interpreter = this.ready.pollFirst();
		while (interpreter != null && !interpreter.alive()) {
			retire(interpreter);
			interpreter = this.ready.pollFirst();
		}
		refill();
		return (interpreter != null) ? interpreter : startOne();
	}

	/** Closes an interpreter for good and frees its uid. */
	public void retire(Interpreter interpreter) {
		interpreter.close();
		this.uids.release(interpreter.uid());
	}

	/** How many started interpreters wait in the pool. */
	public int waiting() {
		return this.ready.size();
	}

	public Interpreter startOne() {
		OptionalInt uid = this.uids.acquire();
		try {
			return Interpreter.start(this.jail, this.properties, uid);
		}
		catch (RuntimeException ex) {
			this.uids.release(uid);
			throw ex;
		}
	}

	@Override
	public void close() {
		this.closed.set(true);
		this.starter.shutdownNow();
		for (Interpreter interpreter = this.ready.pollFirst(); interpreter != null; interpreter = this.ready
			.pollFirst()) {
			retire(interpreter);
		}
	}

	private Optional<String> probe() {
		Optional<String> missing = this.jail.missing();
		if (missing.isEmpty()) {
			try {
				offer(startOne());
			}
			catch (RuntimeException ex) {
				missing = Optional.of("the sandbox does not start (" + ex.getMessage() + ")");
			}
		}
		missing.ifPresentOrElse(reason -> log.warn("code_interpreter is unavailable: {}; install: {}", reason, INSTALL),
				this::refill);
		return missing.map(reason -> "code_interpreter is unavailable on this server: " + reason
				+ ". The operator must install it: " + INSTALL + ".");
	}

	private void refill() {
		while (!this.closed.get() && this.ready.size() + this.starting.get() < this.properties.poolSize()) {
			this.starting.incrementAndGet();
			this.starter.execute(this::startIntoPool);
		}
	}

	private void startIntoPool() {
		try {
			offer(startOne());
		}
		catch (RuntimeException ex) {
			log.warn("code_interpreter could not start a pooled interpreter: {}", ex.getMessage());
			sleep(Duration.ofSeconds(5));
		}
		finally {
			this.starting.decrementAndGet();
		}
	}

	private void offer(Interpreter interpreter) {
		if (this.closed.get() || this.ready.size() >= Math.max(1, this.properties.poolSize())) {
			retire(interpreter);
			return;
		}
		this.ready.addLast(interpreter);
		if (this.closed.get() && this.ready.remove(interpreter)) {
			retire(interpreter);
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
