package com.threadline.chat.system;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Sort;

/**
 * The rows to fetch for one page: sequence strictly between {@code lo} and {@code hi}, in
 * {@code sort} order, at most {@code limit} rows (one more than the page, to tell
 * {@code has_more}).
 *
 * @param lo exclusive lower bound of the sequence
 * @param hi exclusive upper bound of the sequence
 * @param sort the order to fetch in
 * @param limit page size plus one
 * @param pageSize the page size asked for
 * @param reversed whether the fetched rows must be reversed to the requested order
 */
public record SeqWindow(long lo, long hi, Sort sort, Limit limit, int pageSize, boolean reversed) {

	/** Turns the fetched rows into OpenAI's list envelope. */
	public <E, V> ListPage<V> page(List<E> rows, Function<E, V> view, Function<V, String> id) {
		boolean hasMore = rows.size() > this.pageSize;
		List<V> data = new ArrayList<>(
				rows.subList(0, Math.min(rows.size(), this.pageSize)).stream().map(view).toList());
		if (this.reversed) {
			Collections.reverse(data);
		}
		return ListPage.of(data, id, hasMore);
	}

}
