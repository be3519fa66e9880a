package com.threadline.chat.run;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * The id of a run, as the API spells it. Any string converts: an id that names nothing is
 * a 404 where it is looked up, never a conversion error.
 *
 * @param value the id's text
 */
public record RunId(String value) {

	public RunId {
		Assert.notNull(value, "value must not be null");
	}

	public static RunId of(String value) {
		return new RunId(value);
	}

	@Override
	public String toString() {
		return this.value;
	}

	/** Converts a path variable or request parameter to the id. */
	@Component
	static final class FromText implements Converter<String, RunId> {

		@Override
		public RunId convert(String source) {
			return new RunId(source);
		}

	}

}
