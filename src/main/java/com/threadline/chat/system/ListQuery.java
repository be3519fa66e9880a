package com.threadline.chat.system;

import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Sort;

/**
 * OpenAI's list parameters ({@code limit} 1–100, default 20; {@code order} asc|desc,
 * default desc; {@code after}; {@code before}), validated. Rows are ordered by a
 * per-table insertion sequence, and a cursor id is resolved to its sequence by the
 * caller, inside the caller's own tenant and parent scope.
 */
public record ListQuery(int limit, boolean ascending, @Nullable String after, @Nullable String before) {

	public static ListQuery of(@Nullable String limit, @Nullable String order, @Nullable String after,
			@Nullable String before) {
		return of(limit, order, after, before, 20, 100);
	}

	/**
	 * As {@link #of(String, String, String, String)}, for a list whose {@code limit} has
	 * another default and maximum (the Files API: 10,000 of each).
	 */
	public static ListQuery of(@Nullable String limit, @Nullable String order, @Nullable String after,
			@Nullable String before, int defaultLimit, int maxLimit) {
		int size = defaultLimit;
		if (limit != null && !limit.isBlank()) {
			try {
				size = Integer.parseInt(limit.strip());
			}
			catch (NumberFormatException ex) {
				throw ApiException.invalid("limit",
						"Invalid 'limit': expected an integer between 1 and %d.".formatted(maxLimit));
			}
			if (size < 1 || size > maxLimit) {
				throw ApiException.invalid("limit",
						"Invalid 'limit': integer above maximum value or below minimum value; expected 1 to %d, got %d."
							.formatted(maxLimit, size));
			}
		}
		boolean ascending = false;
		if (order != null && !order.isBlank()) {
			ascending = switch (order) {
				case "asc" -> true;
				case "desc" -> false;
				default -> throw ApiException.invalid("order",
						"Invalid value for 'order': expected one of 'asc' or 'desc', got '%s'.".formatted(order));
			};
		}
		return new ListQuery(size, ascending, blankToNull(after), blankToNull(before));
	}

	/**
	 * Resolves the cursors with {@code seqOf} (the sequence of an id in the caller's
	 * scope) into the sequence window to fetch.
	 */
	public SeqWindow window(Function<String, Optional<Long>> seqOf) {
		long afterSeq = cursor("after", this.after, seqOf);
		long beforeSeq = cursor("before", this.before, seqOf);
		long lo = Long.MIN_VALUE;
		long hi = Long.MAX_VALUE;
		if (this.ascending) {
			lo = (this.after != null) ? afterSeq : lo;
			hi = (this.before != null) ? beforeSeq : hi;
		}
		else {
			hi = (this.after != null) ? afterSeq : hi;
			lo = (this.before != null) ? beforeSeq : lo;
		}
		// 'before' alone pages backwards: fetch the rows nearest the cursor, then restore
		// the requested order.
		boolean reversed = this.before != null && this.after == null;
		boolean fetchAscending = this.ascending != reversed;
		Sort sort = Sort.by(fetchAscending ? Sort.Direction.ASC : Sort.Direction.DESC, "seq");
		return new SeqWindow(lo, hi, sort, Limit.of(this.limit + 1), this.limit, reversed);
	}

	private static long cursor(String param, @Nullable String id, Function<String, Optional<Long>> seqOf) {
		if (id == null) {
			return 0;
		}
		return seqOf.apply(id)
			.orElseThrow(
					() -> ApiException.invalid(param, "Invalid '%s': no object with id '%s'.".formatted(param, id)));
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
