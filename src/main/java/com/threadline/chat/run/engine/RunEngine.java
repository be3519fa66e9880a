package com.threadline.chat.run.engine;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import com.threadline.chat.tenant.context.TenantScope;

/**
 * The runs executing on this instance, each on its own virtual thread, independent of the
 * request that started it: a closed connection does not stop a run; cancel, expiry and
 * shutdown do.
 */
@Component
public class RunEngine {

	private static final Logger log = LoggerFactory.getLogger(RunEngine.class);

	private final Map<LiveRun.Key, LiveRun> live = new ConcurrentHashMap<>();

	private final ExecutorService threads = Executors
		.newThreadPerTaskExecutor(Thread.ofVirtual().name("run-", 0).factory());

	private final RunLoop loop;

	RunEngine(RunLoop loop) {
		this.loop = loop;
	}

	/**
	 * Registers a run about to be (re)started here; call before committing the change
	 * that queues it, so a cancel request finds it, and only once the caller's access to
	 * the run is established (a new run's id is fresh).
	 */
	public LiveRun register(String tenantId, String runId) {
		return this.live.compute(new LiveRun.Key(tenantId, runId),
				(key, previous) -> new LiveRun(key.tenantId(), key.runId(), previous));
	}

	/**
	 * Drops a registration whose start failed, giving the run back to the registration it
	 * replaced if that one still executes.
	 */
	public void abandon(LiveRun run) {
		LiveRun previous = run.replaced;
		if (previous != null && previous.executing) {
			this.live.replace(run.key(), run, previous);
		}
		else {
			this.live.remove(run.key(), run);
		}
	}

	/** Executes a registered run on its own thread, acting for its tenant. */
	public void launch(LiveRun run) {
		run.replaced = null;
		run.executing = true;
		this.threads.execute(() -> {
			try {
				TenantScope.run(run.tenantId, () -> this.loop.execute(run));
			}
			finally {
				run.executing = false;
				this.live.remove(run.key(), run);
			}
		});
	}

	public Optional<LiveRun> find(String tenantId, String runId) {
		return Optional.ofNullable(this.live.get(new LiveRun.Key(tenantId, runId)));
	}

	Collection<LiveRun> all() {
		return this.live.values();
	}

	/**
	 * Ends the runs still executing as failed (interrupted) before the application goes
	 * away, so none is left in progress.
	 */
	@PreDestroy
	void shutdown() throws InterruptedException {
		this.live.values().forEach(run -> run.stop(LiveRun.Stop.SHUTDOWN));
		this.threads.shutdown();
		if (!this.threads.awaitTermination(10, TimeUnit.SECONDS)) {
			log.warn("{} run(s) did not end within 10 s of shutdown; the next start marks them failed",
					this.live.size());
		}
	}

}
