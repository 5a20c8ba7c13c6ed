package io.cnosdb.spring.core.batch.spool;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A chunk of a segment file in memory, so that records are read a megabyte at a time
 * rather than one system call each. A record once appended never changes, so the chunk
 * stays valid for as long as its segment is not cut back. Not thread-safe.
 */
final class SpoolChunk {

	private static final int CHUNK = 1024 * 1024;

	private ByteBuffer buffer = ByteBuffer.allocate(CHUNK);

	private long segment = -1;

	private long start;

	/**
	 * Makes the chunk hold the segment's bytes {@code [position, position + length)},
	 * reading from {@code position} on when it does not.
	 * @param end how far the segment's records go: nothing past it is read
	 * @return whether the segment has that many bytes there
	 */
	boolean load(SpoolSegment file, long position, int length, long end) throws IOException {
		if (position + length > end) {
			return false;
		}
		if (this.segment == file.id() && position >= this.start
				&& position + length <= this.start + this.buffer.limit()) {
			return true;
		}
		if (this.buffer.capacity() < length) {
			this.buffer = ByteBuffer.allocate(length);
		}
		this.buffer.clear().limit((int) Math.min(this.buffer.capacity(), end - position));
		this.segment = file.id();
		this.start = position;
		file.read(this.buffer, position);
		this.buffer.flip();
		return true;
	}

	/** Forgets what was read, after the segment was cut back. */
	void invalidate() {
		this.segment = -1;
	}

	/** The index in {@link #array()} of the segment's byte at {@code position}. */
	int index(long position) {
		return (int) (position - this.start);
	}

	int intAt(long position) {
		return this.buffer.getInt(index(position));
	}

	long longAt(long position) {
		return this.buffer.getLong(index(position));
	}

	byte[] array() {
		return this.buffer.array();
	}

	ByteBuffer buffer() {
		return this.buffer;
	}

}
