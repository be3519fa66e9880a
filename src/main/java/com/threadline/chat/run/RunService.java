package com.threadline.chat.run;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import org.springframework.stereotype.Service;

import com.threadline.chat.run.engine.LiveRun;
import com.threadline.chat.run.engine.RunEngine;
import com.threadline.chat.run.engine.RunEvent;
import com.threadline.chat.run.engine.RunEvents;
import com.threadline.chat.run.engine.RunProgress;
import com.threadline.chat.stream.LoggedEvent;
import com.threadline.chat.system.ListPage;
import com.threadline.chat.system.ListQuery;
import com.threadline.chat.system.ObjectIds;
import com.threadline.chat.tenant.Caller;
import com.threadline.chat.thread.ThreadId;

/**
 * The runs module's public face: starts runs (on a thread, or with a new one), cancels
 * them, takes tool outputs, and hands out a run's event stream. Its methods block (JPA):
 * call them off the event loop. A run, once started, executes on its own, whatever
 * becomes of the request that started it.
 */
@Service
public class RunService {

	private final RunAdmission admission;

	private final RunLedger ledger;

	private final RunQueries queries;

	private final RunEngine engine;

	private final RunProgress progress;

	private final RunEvents events;

	RunService(RunAdmission admission, RunLedger ledger, RunQueries queries, RunEngine engine, RunProgress progress,
			RunEvents events) {
		this.admission = admission;
		this.ledger = ledger;
		this.queries = queries;
		this.engine = engine;
		this.progress = progress;
		this.events = events;
	}

	/**
	 * A run just started or resumed, and where its event stream continues from.
	 *
	 * @param run the run as it was then
	 * @param after the sequence after which this start's events begin
	 */
	public record Started(RunView run, long after) {
	}

	/** Creates a run on a thread the caller may access, and starts it. */
	public Started start(Caller caller, ThreadId threadId, NewRun request) {
		String runId = ObjectIds.next("run");
		RunView run = launching(caller.tenantId(), runId, () -> {
			RunView created = this.admission.create(caller, threadId.value(), runId, request);
			announce(created);
			return created;
		});
		return new Started(run, 0);
	}

	/** Creates a thread with its messages and a run on it, and starts the run. */
	public Started createThreadAndRun(Caller caller, NewThreadAndRun request) {
		String runId = ObjectIds.next("run");
		RunView run = launching(caller.tenantId(), runId, () -> {
			RunAdmission.Created created = this.admission.createWithThread(caller, runId, request);
			this.events.publish(runId, new RunEvent.ThreadCreated(created.thread()));
			announce(created.run());
			return created.run();
		});
		return new Started(run, 0);
	}

	/**
	 * Gives a run in {@code requires_action} the outputs of all the calls it waits for,
	 * and resumes it.
	 */
	public Started submitToolOutputs(Caller caller, ThreadId threadId, RunId runId,
			@Nullable List<ToolOutput> outputs) {
		authorise(caller, threadId, runId);
		long after = this.events.position(runId.value());
		RunView run = launching(caller.tenantId(), runId.value(), () -> {
			RunLedger.Resumed resumed = this.ledger.acceptOutputs(caller, threadId.value(), runId.value(), outputs);
			this.events.publish(runId.value(), new RunEvent.StepStatusChanged(resumed.step()));
			this.events.publish(runId.value(), new RunEvent.RunStatusChanged(resumed.run()));
			return resumed.run();
		});
		return new Started(run, after);
	}

	/**
	 * Cancels a queued, in-progress or waiting run: it answers {@code cancelling}, and
	 * the run ends {@code cancelled} keeping what it had written.
	 */
	public RunView cancel(Caller caller, ThreadId threadId, RunId runId) {
		authorise(caller, threadId, runId);
		LiveRun live = this.engine.find(caller.tenantId(), runId.value()).orElse(null);
		Supplier<RunView> cancel = () -> {
			RunLedger.Cancelling cancelling = this.ledger.cancel(caller, threadId.value(), runId.value());
			this.events.publish(runId.value(), new RunEvent.RunStatusChanged(cancelling.run()));
			if (live != null) {
				live.stop(LiveRun.Stop.CANCEL);
			}
			if (cancelling.previous() == RunStatus.REQUIRES_ACTION) {
				this.progress.finish(caller.tenantId(), runId.value(), Ending.cancelled(), null, "");
			}
			return cancelling.run();
		};
		return (live != null) ? live.locked(cancel) : cancel.get();
	}

	public RunView find(Caller caller, ThreadId threadId, RunId runId) {
		return this.queries.find(caller, threadId.value(), runId.value());
	}

	public ListPage<RunView> list(Caller caller, ThreadId threadId, ListQuery query) {
		return this.queries.list(caller, threadId.value(), query);
	}

	public RunView modify(Caller caller, ThreadId threadId, RunId runId, @Nullable Map<String, String> metadata) {
		return this.ledger.modify(caller, threadId.value(), runId.value(), metadata);
	}

	public RunStepView step(Caller caller, ThreadId threadId, RunId runId, String stepId) {
		return this.queries.step(caller, threadId.value(), runId.value(), stepId);
	}

	public ListPage<RunStepView> steps(Caller caller, ThreadId threadId, RunId runId, ListQuery query) {
		return this.queries.steps(caller, threadId.value(), runId.value(), query);
	}

	/**
	 * The events of a run the caller may access after sequence {@code after}, then live
	 * ones until it ends. A run that ended so long ago (or under such memory pressure)
	 * that its events are gone replays as its final state and {@code done}, from the
	 * start of that replay when {@code after} points past it.
	 */
	public Flux<LoggedEvent> follow(Caller caller, ThreadId threadId, RunId runId, long after) {
		// Authorises before the event log is touched.
		RunView run = find(caller, threadId, runId);
		if (!RunStatus.of(run.status()).isActive()) {
			this.events.replayEnd(run);
			if (after > this.events.position(runId.value())) {
				return this.events.follow(runId.value(), 0);
			}
		}
		return this.events.follow(runId.value(), after);
	}

	/** The events of a run just started or resumed by this caller. */
	public Flux<LoggedEvent> follow(Started started) {
		return this.events.follow(started.run().id(), started.after());
	}

	/**
	 * Registers the run as executing here, does {@code start} (which queues it) holding
	 * the run's lock, so that nothing else the run emits precedes what {@code start}
	 * publishes, then launches it.
	 */
	private RunView launching(String tenantId, String runId, Supplier<RunView> start) {
		LiveRun live = this.engine.register(tenantId, runId);
		try {
			RunView run = live.locked(start);
			this.engine.launch(live);
			return run;
		}
		catch (RuntimeException ex) {
			this.engine.abandon(live);
			throw ex;
		}
	}

	/**
	 * Establishes that the caller may access the run (else a 404) before anything looks
	 * its live registration or its event log up: another user's or tenant's run must not
	 * be locked, replaced or stopped, not even for the moment until the transaction
	 * refuses it.
	 */
	private void authorise(Caller caller, ThreadId threadId, RunId runId) {
		find(caller, threadId, runId);
	}

	private void announce(RunView run) {
		this.events.publish(run.id(), new RunEvent.RunCreated(run));
		this.events.publish(run.id(), new RunEvent.RunStatusChanged(run));
	}

}
