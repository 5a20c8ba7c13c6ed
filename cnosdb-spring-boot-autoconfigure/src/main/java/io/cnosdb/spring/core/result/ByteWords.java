package io.cnosdb.spring.core.result;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Reads eight bytes of an array as one {@code long}, the byte at the lowest index in the
 * lowest bits, so that the parsers can test and convert eight bytes per operation (SWAR,
 * "SIMD within a register"). The JIT compiles a read to one unaligned load, bounds
 * checked.
 */
final class ByteWords {

	private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	/** {@code 0x30} ({@code '0'}) in every byte. */
	private static final long ZEROS = 0x3030_3030_3030_3030L;

	/** The low seven bits of every byte. */
	private static final long LOW_SEVEN_BITS = 0x7F7F_7F7F_7F7F_7F7FL;

	private ByteWords() {
	}

	/** The bytes {@code bytes[offset .. offset + 8)}, the first in the lowest bits. */
	static long read(byte[] bytes, int offset) {
		return (long) LONG.get(bytes, offset);
	}

	/** The byte in each of the eight places of a word. */
	static long repeat(char ascii) {
		return 0x0101_0101_0101_0101L * ascii;
	}

	/**
	 * The word's bytes equal to those of {@code pattern}: the high bit set in each such
	 * byte, every other bit clear. Exact (no borrow reaches a neighbouring byte), so the
	 * first match is at {@code numberOfTrailingZeros >>> 3}.
	 */
	static long bytesEqualTo(long word, long pattern) {
		long zeroWhereEqual = word ^ pattern;
		// Adding 0x7F to the low seven bits sets the high bit unless they are all zero.
		long nonZero = ((zeroWhereEqual & LOW_SEVEN_BITS) + LOW_SEVEN_BITS) | zeroWhereEqual;
		return ~(nonZero | LOW_SEVEN_BITS);
	}

	/** Whether each of the eight bytes is an ASCII digit. */
	static boolean isEightDigits(long word) {
		// A digit has high nibble 3, and keeps it when 6 is added; ':' to '?' do not. A
		// byte
		// whose addition carries into the next one already fails the first test.
		long highNibbles = word & 0xF0F0_F0F0_F0F0_F0F0L;
		long highNibblesPlusSix = (word + 0x0606_0606_0606_0606L) & 0xF0F0_F0F0_F0F0_F0F0L;
		return (highNibbles | (highNibblesPlusSix >>> 4)) == 0x3333_3333_3333_3333L;
	}

	/**
	 * The value of eight ASCII digits, the first the most significant, checked with
	 * {@link #isEightDigits}: pairs, then quads, then all eight are combined by one
	 * multiply each (the method of simdjson's {@code parse_eight_digits_unrolled}).
	 */
	static int eightDigits(long word) {
		long value = word - ZEROS;
		value = (value * 10 + (value >>> 8)) & 0x00FF_00FF_00FF_00FFL;
		value = (value * 100 + (value >>> 16)) & 0x0000_FFFF_0000_FFFFL;
		return (int) (value * 10_000 + (value >>> 32));
	}

}
