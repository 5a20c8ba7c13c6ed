package io.cnosdb.spring.benchmarks.query;

import java.io.InputStream;

/**
 * An answer held in memory, handed out as a socket would: each read returns at most one
 * slice of 16 to 64 KiB, the sizes following a fixed cycle so every contender sees the
 * same cuts.
 */
public final class SlicedInputStream extends InputStream {

	private static final int[] SLICES = { 16 * 1024, 48 * 1024, 64 * 1024, 24 * 1024, 32 * 1024, 61 * 1024 };

	private final byte[] bytes;

	private int position;

	private int slice;

	public SlicedInputStream(byte[] bytes) {
		this.bytes = bytes;
	}

	@Override
	public int read() {
		return (this.position < this.bytes.length) ? this.bytes[this.position++] & 0xFF : -1;
	}

	@Override
	public int read(byte[] target, int offset, int length) {
		if (length == 0) {
			return 0;
		}
		int remaining = this.bytes.length - this.position;
		if (remaining <= 0) {
			return -1;
		}
		int count = Math.min(Math.min(length, remaining), SLICES[this.slice++ % SLICES.length]);
		System.arraycopy(this.bytes, this.position, target, offset, count);
		this.position += count;
		return count;
	}

	@Override
	public int available() {
		return 0;
	}

}
