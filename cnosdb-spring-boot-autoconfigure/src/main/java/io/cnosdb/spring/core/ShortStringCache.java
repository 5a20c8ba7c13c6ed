package io.cnosdb.spring.core;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Decodes UTF-8 cells to strings, handing back the string decoded last time for the same
 * short bytes: tags repeat row after row, and this saves a string and its array for each.
 * <p>
 * A fixed number of slots, each the last bytes seen for its hash and their string, so memory
 * stays bounded; a collision only costs a fresh decode. The bytes are compared with
 * {@link Arrays#equals(byte[], int, int, byte[], int, int)}, which the JIT turns into vector
 * instructions. Used by one thread at a time, as the rows of a result are.
 */
final class ShortStringCache {

	/** Slots; a power of two. */
	private static final int SIZE = 4096;

	/** Values longer than this are always decoded anew. */
	static final int MAX_CACHED_LENGTH = 32;

	/** An odd 64-bit constant whose product spreads every input bit into the high bits. */
	private static final long SPREAD = 0x9E3779B97F4A7C15L;

	private final byte[][] keys = new byte[SIZE][];

	private final String[] values = new String[SIZE];

	/** The text of {@code bytes[start .. start + length)}. */
	String decode(byte[] bytes, int start, int length) {
		if (length > MAX_CACHED_LENGTH) {
			return new String(bytes, start, length, StandardCharsets.UTF_8);
		}
		int end = start + length;
		int slot = slot(bytes, start, end);
		byte[] key = this.keys[slot];
		if (key != null && Arrays.equals(key, 0, key.length, bytes, start, end)) {
			return this.values[slot];
		}
		String value = new String(bytes, start, length, StandardCharsets.UTF_8);
		this.keys[slot] = Arrays.copyOfRange(bytes, start, end);
		this.values[slot] = value;
		return value;
	}

	/**
	 * The slot for the bytes: from their first and last eight (which overlap or coincide for 8
	 * to 16 bytes), or byte by byte when fewer than eight.
	 */
	private static int slot(byte[] bytes, int start, int end) {
		long mixed;
		if (end - start >= Long.BYTES) {
			mixed = ByteWords.read(bytes, start) * SPREAD + ByteWords.read(bytes, end - Long.BYTES);
		}
		else {
			mixed = 0;
			for (int i = start; i < end; i++) {
				mixed = (mixed << 8) | (bytes[i] & 0xFF);
			}
		}
		mixed = (mixed ^ (end - start)) * SPREAD;
		return (int) (mixed >>> (Long.SIZE - Integer.numberOfTrailingZeros(SIZE)));
	}

}
