package io.cnosdb.spring.core.result;

import java.util.Arrays;

/**
 * Decodes UTF-8 cells to strings, handing back the string decoded last time for the same
 * short bytes: tags repeat row after row, and this saves a string and its array for each.
 * <p>
 * A fixed number of slots, each the last bytes seen for its hash and their string, so
 * memory stays bounded; a collision only costs a fresh decode. Bytes of 8 to 16 (most
 * tags) are compared as their first and last eight, two {@code long}s that together hold
 * every byte; others with {@link Arrays#equals(byte[], int, int, byte[], int, int)}. Used
 * by one thread at a time, as the rows of a result are.
 */
final class ShortStringCache {

	/** Slots; a power of two. */
	private static final int SIZE = 4096;

	/** Values longer than this are always decoded anew. */
	static final int MAX_CACHED_LENGTH = 32;

	/**
	 * An odd 64-bit constant whose product spreads every input bit into the high bits.
	 */
	private static final long SPREAD = 0x9E3779B97F4A7C15L;

	/** The length of the bytes in each slot; 0 for an empty slot. */
	private final int[] lengths = new int[SIZE];

	/** For 8 to 16 bytes: their first eight. */
	private final long[] firstWords = new long[SIZE];

	/** For 8 to 16 bytes: their last eight. */
	private final long[] lastWords = new long[SIZE];

	/** For other lengths: the bytes. */
	private final byte[][] keys = new byte[SIZE][];

	private final String[] values = new String[SIZE];

	/**
	 * The text of {@code bytes[start .. start + length)}.
	 * @throws IllegalStateException if the bytes are not valid UTF-8
	 */
	String decode(byte[] bytes, int start, int length) {
		if (length == 0 || length > MAX_CACHED_LENGTH) {
			return StrictUtf8.decode(bytes, start, length);
		}
		int end = start + length;
		if (length >= Long.BYTES && length <= 2 * Long.BYTES) {
			long first = ByteWords.read(bytes, start);
			long last = ByteWords.read(bytes, end - Long.BYTES);
			int slot = slot(first * SPREAD + last, length);
			if (this.lengths[slot] == length && this.firstWords[slot] == first && this.lastWords[slot] == last) {
				return this.values[slot];
			}
			// Decoded before the slot changes: bytes that are not UTF-8 fail and leave it
			// as it was.
			String value = StrictUtf8.decode(bytes, start, length);
			this.firstWords[slot] = first;
			this.lastWords[slot] = last;
			this.keys[slot] = null;
			return store(slot, length, value);
		}
		int slot = slot(mix(bytes, start, end), length);
		if (this.lengths[slot] == length && Arrays.equals(this.keys[slot], 0, length, bytes, start, end)) {
			return this.values[slot];
		}
		String value = StrictUtf8.decode(bytes, start, length);
		this.keys[slot] = Arrays.copyOfRange(bytes, start, end);
		return store(slot, length, value);
	}

	private String store(int slot, int length, String value) {
		this.lengths[slot] = length;
		this.values[slot] = value;
		return value;
	}

	/**
	 * The bytes folded into a {@code long}: the first and last eight, or byte by byte
	 * when fewer.
	 */
	private static long mix(byte[] bytes, int start, int end) {
		if (end - start >= Long.BYTES) {
			return ByteWords.read(bytes, start) * SPREAD + ByteWords.read(bytes, end - Long.BYTES);
		}
		long mixed = 0;
		for (int i = start; i < end; i++) {
			mixed = (mixed << 8) | (bytes[i] & 0xFF);
		}
		return mixed;
	}

	private static int slot(long mixed, int length) {
		return (int) (((mixed ^ length) * SPREAD) >>> (Long.SIZE - Integer.numberOfTrailingZeros(SIZE)));
	}

}
