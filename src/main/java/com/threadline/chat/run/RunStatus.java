package com.threadline.chat.run;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * OpenAI's run status machine: queued → in_progress → (requires_action → queued) →
 * completed | incomplete | failed | cancelling → cancelled | expired. Stored and sent as
 * its wire value ({@code in_progress}).
 */
public enum RunStatus {

	QUEUED("queued"), IN_PROGRESS("in_progress"), REQUIRES_ACTION("requires_action"), CANCELLING("cancelling"),
	CANCELLED("cancelled"), FAILED("failed"), COMPLETED("completed"), INCOMPLETE("incomplete"), EXPIRED("expired");

	private static final Map<RunStatus, Set<RunStatus>> NEXT = Map.of(QUEUED,
			EnumSet.of(IN_PROGRESS, CANCELLING, FAILED, EXPIRED), IN_PROGRESS,
			EnumSet.of(REQUIRES_ACTION, COMPLETED, INCOMPLETE, FAILED, CANCELLING, EXPIRED), REQUIRES_ACTION,
			EnumSet.of(QUEUED, CANCELLING, FAILED, EXPIRED), CANCELLING, EnumSet.of(CANCELLED, FAILED, EXPIRED));

	/** The statuses in which a run still holds its thread. */
	public static final Set<RunStatus> ACTIVE = Set.copyOf(NEXT.keySet());

	/** The statuses of a run some instance executes (or is about to). */
	public static final Set<RunStatus> EXECUTING = Set.of(QUEUED, IN_PROGRESS, CANCELLING);

	private final String wire;

	RunStatus(String wire) {
		this.wire = wire;
	}

	/** The status as OpenAI spells it. */
	@JsonValue
	public String wire() {
		return this.wire;
	}

	/** The status a wire value names. */
	public static RunStatus of(String wire) {
		for (RunStatus status : values()) {
			if (status.wire.equals(wire)) {
				return status;
			}
		}
		throw new IllegalArgumentException("Not a run status: " + wire);
	}

	/** Whether a run in this status may move to {@code next}. */
	public boolean canMoveTo(RunStatus next) {
		return NEXT.getOrDefault(this, Set.of()).contains(next);
	}

	/** Whether the run still holds its thread. */
	public boolean isActive() {
		return NEXT.containsKey(this);
	}

	/** Maps the status to its text column and back. */
	@Converter
	static final class Column implements AttributeConverter<RunStatus, String> {

		@Override
		public String convertToDatabaseColumn(RunStatus status) {
			return status.wire;
		}

		@Override
		public RunStatus convertToEntityAttribute(String wire) {
			return of(wire);
		}

	}

}
