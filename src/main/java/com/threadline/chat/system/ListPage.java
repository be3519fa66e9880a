package com.threadline.chat.system;

import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * OpenAI's list envelope:
 * {@code {"object":"list","data":[...],"first_id","last_id","has_more"}}.
 */
public record ListPage<T>(String object, List<T> data, @Nullable String firstId, @Nullable String lastId,
		boolean hasMore) {

	public static <T> ListPage<T> of(List<T> data, Function<T, String> id, boolean hasMore) {
		return new ListPage<>("list", data, data.isEmpty() ? null : id.apply(data.getFirst()),
				data.isEmpty() ? null : id.apply(data.getLast()), hasMore);
	}

}
