package com.threadline.chat.tenant;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * The id of a tenant, as the API spells it. Any string converts: an id that names nothing
 * is a 404 where it is looked up, never a conversion error.
 *
 * @param value the id's text
 */
public record TenantId(String value) {

	public TenantId {
		Assert.notNull(value, "value must not be null");
	}

	public static TenantId of(String value) {
		return new TenantId(value);
	}

	@Override
	public String toString() {
		return this.value;
	}

	/** Converts a path variable or request parameter to the id. */
	@Component
	static final class FromText implements Converter<String, TenantId> {

		@Override
		public TenantId convert(String source) {
			return new TenantId(source);
		}

	}

}
