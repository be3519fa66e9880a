package com.threadline.bench;

import java.util.Arrays;

/** A thread-safe bag of long samples (nanoseconds) and its percentiles. */
final class Samples {

	private long[] values = new long[1024];

	private int size;

	synchronized void add(long value) {
		if (this.size == this.values.length) {
			this.values = Arrays.copyOf(this.values, this.size * 2);
		}
		this.values[this.size++] = value;
	}

	synchronized void addAll(Samples other) {
		long[] copy = other.copy();
		for (long value : copy) {
			add(value);
		}
	}

	synchronized long[] copy() {
		return Arrays.copyOf(this.values, this.size);
	}

	synchronized int size() {
		return this.size;
	}

	synchronized Summary summary() {
		return Summary.of(copy());
	}

	/** The summary of what was added, and an empty bag from here on. */
	synchronized Summary drain() {
		Summary summary = summary();
		this.size = 0;
		return summary;
	}

	/** Percentiles by the nearest-rank method; zeros when empty. */
	record Summary(long count, long p50, long p99, long max) {

		static Summary of(long[] values) {
			if (values.length == 0) {
				return new Summary(0, 0, 0, 0);
			}
			long[] sorted = values.clone();
			Arrays.sort(sorted);
			return new Summary(sorted.length, rank(sorted, 0.50), rank(sorted, 0.99), sorted[sorted.length - 1]);
		}

		private static long rank(long[] sorted, double quantile) {
			int index = (int) Math.ceil(quantile * sorted.length) - 1;
			return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
		}

	}

}
