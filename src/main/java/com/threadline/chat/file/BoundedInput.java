package com.threadline.chat.file;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/**
 * Reads at most {@code limit} bytes of a stream; one byte more fails the read with the
 * given exception, so an over-limit upload stops as soon as it crosses the line.
 */
final class BoundedInput extends FilterInputStream {

	private final long limit;

	private final Supplier<RuntimeException> overLimit;

	private long count;

	BoundedInput(InputStream in, long limit, Supplier<RuntimeException> overLimit) {
		super(in);
		this.limit = limit;
		this.overLimit = overLimit;
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b >= 0) {
			counted(1);
		}
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int n = super.read(buffer, offset, length);
		if (n > 0) {
			counted(n);
		}
		return n;
	}

	@Override
	public long skip(long n) throws IOException {
		long skipped = super.skip(n);
		counted(skipped);
		return skipped;
	}

	@Override
	public boolean markSupported() {
		return false;
	}

	private void counted(long n) {
		this.count += n;
		if (this.count > this.limit) {
			throw this.overLimit.get();
		}
	}

}
