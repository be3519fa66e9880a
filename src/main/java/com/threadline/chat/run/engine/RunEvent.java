package com.threadline.chat.run.engine;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import com.threadline.chat.run.RunStepView;
import com.threadline.chat.run.RunView;
import com.threadline.chat.thread.MessageView;
import com.threadline.chat.thread.ThreadView;

/**
 * What a run emits, named as OpenAI's Assistants stream events; {@link #payload()} is the
 * event's {@code data} object.
 */
public sealed interface RunEvent {

	/** The event name, such as {@code thread.run.step.delta}. */
	String name();

	/** The {@code data} of the event, serialized as JSON. */
	Object payload();

	/** {@code thread.created} (create-thread-and-run only). */
	record ThreadCreated(ThreadView thread) implements RunEvent {

		public String name() {
			return "thread.created";
		}

		public Object payload() {
			return this.thread;
		}

	}

	/** {@code thread.run.created}. */
	record RunCreated(RunView run) implements RunEvent {

		public String name() {
			return "thread.run.created";
		}

		public Object payload() {
			return this.run;
		}

	}

	/**
	 * {@code thread.run.<status>}: queued, in_progress, requires_action, a final status.
	 */
	record RunStatusChanged(RunView run) implements RunEvent {

		public String name() {
			return "thread.run." + this.run.status();
		}

		public Object payload() {
			return this.run;
		}

	}

	/** {@code thread.run.step.created}. */
	record StepCreated(RunStepView step) implements RunEvent {

		public String name() {
			return "thread.run.step.created";
		}

		public Object payload() {
			return this.step;
		}

	}

	/** {@code thread.run.step.<status>}: in_progress or a final status. */
	record StepStatusChanged(RunStepView step) implements RunEvent {

		public String name() {
			return "thread.run.step." + this.step.status();
		}

		public Object payload() {
			return this.step;
		}

	}

	/** {@code thread.run.step.delta}: part of a tool call. */
	record StepDelta(String stepId, JsonNode delta) implements RunEvent {

		public String name() {
			return "thread.run.step.delta";
		}

		public Object payload() {
			return new Delta(this.stepId, "thread.run.step.delta", this.delta);
		}

	}

	/** {@code thread.message.created}. */
	record MessageCreated(MessageView message) implements RunEvent {

		public String name() {
			return "thread.message.created";
		}

		public Object payload() {
			return this.message;
		}

	}

	/** {@code thread.message.<status>}: in_progress, completed or incomplete. */
	record MessageStatusChanged(MessageView message) implements RunEvent {

		public String name() {
			return "thread.message." + this.message.status();
		}

		public Object payload() {
			return this.message;
		}

	}

	/** {@code thread.message.delta}: a piece of the reply's text. */
	record MessageDelta(String messageId, JsonNode delta) implements RunEvent {

		public String name() {
			return "thread.message.delta";
		}

		public Object payload() {
			return new Delta(this.messageId, "thread.message.delta", this.delta);
		}

	}

	/**
	 * {@code error}: the stream itself failed (not the run, which has its own events).
	 */
	record Error(String code, String message) implements RunEvent {

		public String name() {
			return "error";
		}

		public Object payload() {
			return new ErrorObject(this.code, this.message, null, this.code);
		}

	}

	/** The data of a delta event. */
	record Delta(String id, String object, JsonNode delta) {
	}

	/** OpenAI's error object, the data of an {@code error} event. */
	record ErrorObject(String code, String message, @Nullable String param, String type) {
	}

}
