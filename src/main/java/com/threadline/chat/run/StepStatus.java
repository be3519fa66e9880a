package com.threadline.chat.run;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * A run step's status: in_progress, then one final status. Stored and sent as its wire
 * value.
 */
public enum StepStatus {

	IN_PROGRESS("in_progress"), COMPLETED("completed"), FAILED("failed"), CANCELLED("cancelled"), EXPIRED("expired");

	private final String wire;

	StepStatus(String wire) {
		this.wire = wire;
	}

	/** The status as OpenAI spells it. */
	@JsonValue
	public String wire() {
		return this.wire;
	}

	/** The status a wire value names. */
	public static StepStatus of(String wire) {
		for (StepStatus status : values()) {
			if (status.wire.equals(wire)) {
				return status;
			}
		}
		throw new IllegalArgumentException("Not a step status: " + wire);
	}

	/**
	 * Whether a step in this status may move to {@code next}: only out of in_progress.
	 */
	public boolean canMoveTo(StepStatus next) {
		return this == IN_PROGRESS && next != IN_PROGRESS;
	}

	/** Maps the status to its text column and back. */
	@Converter
	static final class Column implements AttributeConverter<StepStatus, String> {

		@Override
		public String convertToDatabaseColumn(StepStatus status) {
			return status.wire;
		}

		@Override
		public StepStatus convertToEntityAttribute(String wire) {
			return of(wire);
		}

	}

}
