package com.threadline.chat.run.engine;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import com.threadline.chat.llm.ModelGateway;
import com.threadline.chat.run.Ending;
import com.threadline.chat.run.OpenMessage;
import com.threadline.chat.run.RunProperties;
import com.threadline.chat.run.RunView;

/**
 * Executes a run on the calling thread (one of the engine's, never a request's) until it
 * ends or pauses for tool outputs. Whatever goes wrong ends the run as {@code failed},
 * keeping the partial reply; if even that cannot be recorded, its stream gets an
 * {@code error} event and {@code done}.
 */
@Component
class RunLoop {

	private static final Logger log = LoggerFactory.getLogger(RunLoop.class);

	private final RunProgress progress;

	private final RunEvents events;

	private final ModelGateway gateway;

	private final RunTools tools;

	private final RunProperties properties;

	private final String instance;

	RunLoop(RunProgress progress, RunEvents events, ModelGateway gateway, RunTools tools, RunProperties properties) {
		this.progress = progress;
		this.events = events;
		this.gateway = gateway;
		this.tools = tools;
		this.properties = properties;
		this.instance = properties.instance();
	}

	void execute(LiveRun live) {
		RunSegment segment = null;
		try {
			SegmentContexts.Start start = this.progress.begin(live, this.instance);
			if (start == null) {
				return;
			}
			RunView run = start.begun().run();
			SegmentContexts.Context context = start.context();
			if (context == null) {
				live.locked(() -> this.progress.finish(live.tenantId, live.runId, Ending.cancelled(), null, ""));
				return;
			}
			segment = new RunSegment(live, run, this.progress, this.gateway, this.tools, this.properties);
			segment.run(context);
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			log.error("Run {} failed unexpectedly", live.runId, ex);
			ModelTurn turn = (segment != null) ? segment.turn() : null;
			fail(live, (turn != null) ? turn.message() : null, (turn != null) ? turn.text() : "");
		}
	}

	private void fail(LiveRun live, @Nullable OpenMessage open, String text) {
		try {
			live.locked(() -> this.progress.finish(live.tenantId, live.runId,
					Ending.failed("server_error", "The run failed because of an internal error."), open, text));
		}
		catch (RuntimeException ex) {
			log.error("Could not record the failure of run {}", live.runId, ex);
			try {
				this.events.publish(live.runId,
						new RunEvent.Error("server_error", "The run failed and could not be saved."));
				this.events.end(live.runId);
			}
			catch (RuntimeException closed) {
				log.debug("The stream of run {} had already ended", live.runId, closed);
			}
		}
	}

}
