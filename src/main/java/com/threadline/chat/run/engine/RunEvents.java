package com.threadline.chat.run.engine;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

import com.threadline.chat.run.RunView;
import com.threadline.chat.stream.EventLog;
import com.threadline.chat.stream.LoggedEvent;
import com.threadline.chat.stream.SseFraming;

/**
 * A run's events in its event log (one stream per run id): serialized once, with the
 * application's JSON conventions, when they happen.
 */
@Component
public class RunEvents {

	/** Where an OpenAI-framed stream stops although the run goes on. */
	public static final Set<String> PAUSES = Set.of("thread.run.requires_action");

	private final EventLog log;

	private final JsonMapper json;

	RunEvents(EventLog log, JsonMapper json) {
		this.log = log;
		this.json = json;
	}

	/** Appends {@code event} to the run's stream; returns its sequence. */
	public long publish(String runId, RunEvent event) {
		return this.log.append(runId, event.name(), this.json.writeValueAsString(event.payload()));
	}

	/** Ends the run's stream with {@code done}. */
	void end(String runId) {
		try {
			this.log.append(runId, SseFraming.DONE, "[DONE]");
		}
		finally {
			this.log.complete(runId);
		}
	}

	/**
	 * Why the run must stop for lack of room in its event log, or {@code null} while it
	 * may go on.
	 */
	LiveRun.@Nullable Stop overflow(String runId) {
		return switch (this.log.room(runId)) {
			case AVAILABLE -> null;
			case STREAM_FULL -> LiveRun.Stop.STREAM_FULL;
			case LOG_FULL -> LiveRun.Stop.LOG_FULL;
		};
	}

	/**
	 * Closes the run's stream without an event of its own (someone else ended the run).
	 */
	void close(String runId) {
		this.log.complete(runId);
	}

	/**
	 * Gives an ended run whose events are no longer here a stream of its final state and
	 * {@code done}.
	 */
	public synchronized void replayEnd(RunView run) {
		if (!this.log.contains(run.id())) {
			publish(run.id(), new RunEvent.RunStatusChanged(run));
			end(run.id());
		}
	}

	/** The sequence of the run's last event. */
	public long position(String runId) {
		return this.log.lastSeq(runId);
	}

	public Flux<LoggedEvent> follow(String runId, long after) {
		return this.log.follow(runId, after);
	}

}
