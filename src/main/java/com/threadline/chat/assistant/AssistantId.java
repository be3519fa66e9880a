package com.threadline.chat.assistant;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * The id of an assistant, as the API spells it. Any string converts: an id that names
 * nothing is a 404 where it is looked up, never a conversion error.
 *
 * @param value the id's text
 */
public record AssistantId(String value) {

	public AssistantId {
		Assert.notNull(value, "value must not be null");
	}

	public static AssistantId of(String value) {
		return new AssistantId(value);
	}

	@Override
	public String toString() {
		return this.value;
	}

	/** Converts a path variable or request parameter to the id. */
	@Component
	static final class FromText implements Converter<String, AssistantId> {

		@Override
		public AssistantId convert(String source) {
			return new AssistantId(source);
		}

	}

}
