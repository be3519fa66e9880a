package com.threadline.chat.thread;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * The id of a thread, as the API spells it. Any string converts: an id that names nothing
 * is a 404 where it is looked up, never a conversion error.
 *
 * @param value the id's text
 */
public record ThreadId(String value) {

	public ThreadId {
		Assert.notNull(value, "value must not be null");
	}

	public static ThreadId of(String value) {
		return new ThreadId(value);
	}

	@Override
	public String toString() {
		return this.value;
	}

	/** Converts a path variable or request parameter to the id. */
	@Component
	static final class FromText implements Converter<String, ThreadId> {

		@Override
		public ThreadId convert(String source) {
			return new ThreadId(source);
		}

	}

}
