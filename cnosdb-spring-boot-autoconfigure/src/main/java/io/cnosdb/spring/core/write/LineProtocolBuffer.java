package io.cnosdb.spring.core.write;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer holding encoded line protocol, meant to be reused across batches
 * ({@link #reset()}) so that steady-state encoding allocates nothing.
 * <p>
 * The bytes {@code array()[0 .. size())} can be handed to a transport without copying.
 * Not thread-safe.
 */
public final class LineProtocolBuffer {

	/**
	 * Arrays a little below {@code Integer.MAX_VALUE} are the most some JVMs can
	 * allocate.
	 */
	private static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

	private static final int DEFAULT_CAPACITY = 8192;

	private byte[] bytes;

	private int size;

	/** Creates a buffer with an initial capacity of 8 KiB. */
	public LineProtocolBuffer() {
		this(DEFAULT_CAPACITY);
	}

	/**
	 * Creates a buffer with the given initial capacity; it grows as needed.
	 * @param initialCapacity the initial capacity in bytes, at least 0
	 */
	public LineProtocolBuffer(int initialCapacity) {
		if (initialCapacity < 0 || initialCapacity > MAX_CAPACITY) {
			throw new IllegalArgumentException(
					"Initial capacity must be between 0 and " + MAX_CAPACITY + " but was " + initialCapacity);
		}
		this.bytes = new byte[initialCapacity];
	}

	/** The number of valid bytes, which start at index 0 of {@link #array()}. */
	public int size() {
		return this.size;
	}

	/** Whether nothing has been written since creation or the last {@link #reset()}. */
	public boolean isEmpty() {
		return this.size == 0;
	}

	/**
	 * The backing array, for sending without a copy. Only the first {@link #size()} bytes
	 * are meaningful, and the array is replaced when the buffer grows, so do not keep it
	 * across writes.
	 */
	public byte[] array() {
		return this.bytes;
	}

	/**
	 * Forgets the content but keeps the capacity, so the next batch reuses the same
	 * array.
	 */
	public void reset() {
		this.size = 0;
	}

	/** A copy of the valid bytes. */
	public byte[] toByteArray() {
		return Arrays.copyOf(this.bytes, this.size);
	}

	/**
	 * Writes the valid bytes to the given stream, without copying them first.
	 * @param out the stream to write to; it is neither flushed nor closed
	 * @throws IOException if the stream fails
	 */
	public void writeTo(OutputStream out) throws IOException {
		out.write(this.bytes, 0, this.size);
	}

	/** The content decoded as UTF-8, for logging and tests. */
	@Override
	public String toString() {
		return new String(this.bytes, 0, this.size, StandardCharsets.UTF_8);
	}

	/**
	 * Makes room for {@code extra} more bytes and returns the (possibly new) backing
	 * array, so that hot loops can write from {@link #size()} on without a capacity check
	 * per byte and then {@linkplain #commit(int) commit} the new size.
	 */
	byte[] reserve(int extra) {
		int required = this.size + extra;
		if (extra < 0 || required < 0 || required > MAX_CAPACITY) {
			throw new IllegalStateException(
					"Line protocol buffer cannot grow beyond " + MAX_CAPACITY + " bytes; send smaller batches");
		}
		if (required > this.bytes.length) {
			long doubled = Math.max(16L, this.bytes.length * 2L);
			this.bytes = Arrays.copyOf(this.bytes, (int) Math.min(MAX_CAPACITY, Math.max(doubled, required)));
		}
		return this.bytes;
	}

	/** Sets the size after writing into the array returned by {@link #reserve(int)}. */
	void commit(int newSize) {
		if (newSize < 0 || newSize > this.bytes.length) {
			throw new IllegalArgumentException("Size " + newSize + " is outside the buffer");
		}
		this.size = newSize;
	}

	/** Drops everything after {@code newSize}, undoing a partly written point. */
	void truncate(int newSize) {
		if (newSize < 0 || newSize > this.size) {
			throw new IllegalArgumentException("Cannot truncate to " + newSize + " with size " + this.size);
		}
		this.size = newSize;
	}

	/** Writes characters known to be ASCII. */
	void putAscii(String ascii) {
		int length = ascii.length();
		byte[] array = reserve(length);
		int position = this.size;
		for (int i = 0; i < length; i++) {
			array[position++] = (byte) ascii.charAt(i);
		}
		this.size = position;
	}

}
