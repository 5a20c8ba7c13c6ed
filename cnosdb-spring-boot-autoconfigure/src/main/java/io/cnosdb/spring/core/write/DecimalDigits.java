package io.cnosdb.spring.core.write;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Writes unsigned 64-bit integers as ASCII decimal digits straight into a byte array, two
 * digits per division, without going through a {@link String}.
 */
final class DecimalDigits {

	/** The most digits an unsigned 64-bit value has (18446744073709551615). */
	static final int MAX_UNSIGNED_LENGTH = 20;

	/**
	 * 10<sup>19</sup> read as unsigned: the smallest unsigned 64-bit value with 20
	 * digits.
	 */
	private static final long TEN_POW_19 = Long.parseUnsignedLong("10000000000000000000");

	/** 10<sup>0</sup> to 10<sup>18</sup>, every power of ten a signed long holds. */
	private static final long[] POWERS_OF_TEN = new long[19];

	/**
	 * The ASCII digits of 00 to 99, the first in the low byte, to be stored little-endian
	 * in one write.
	 */
	private static final short[] DIGIT_PAIRS = new short[100];

	/**
	 * The ASCII digit 0 in each byte, to turn eight digits 0 to 9 into their characters
	 * at once.
	 */
	private static final long ASCII_ZEROS = 0x3030_3030_3030_3030L;

	private static final VarHandle LONG_IN_BYTES = MethodHandles.byteArrayViewVarHandle(long[].class,
			ByteOrder.LITTLE_ENDIAN);

	private static final VarHandle SHORT_IN_BYTES = MethodHandles.byteArrayViewVarHandle(short[].class,
			ByteOrder.LITTLE_ENDIAN);

	static {
		long power = 1;
		for (int i = 0; i < POWERS_OF_TEN.length; i++) {
			POWERS_OF_TEN[i] = power;
			power *= 10;
		}
		for (int i = 0; i < 100; i++) {
			DIGIT_PAIRS[i] = (short) (('0' + i / 10) | (('0' + i % 10) << 8));
		}
	}

	private DecimalDigits() {
	}

	/** The number of decimal digits of {@code bits} read as unsigned, 1 for zero. */
	static int length(long bits) {
		if (bits < 0) {
			return (Long.compareUnsigned(bits, TEN_POW_19) >= 0) ? 20 : 19;
		}
		// Setting the lowest bit never crosses a power of ten (all above 1 are even) and
		// makes 0 count as 1.
		long value = bits | 1;
		// 1233 / 4096 is just above log10(2): the guess is the digit count or one below
		// it.
		int guess = ((64 - Long.numberOfLeadingZeros(value)) * 1233) >>> 12;
		return guess + ((value >= POWERS_OF_TEN[guess]) ? 1 : 0);
	}

	/**
	 * Writes {@code bits}, read as unsigned, so that its last digit is at
	 * {@code end - 1}.
	 * @return the index of the first digit, {@code end - length(bits)}
	 */
	static int writeBackwards(long bits, byte[] array, int end) {
		long value = bits;
		if (value < 0) {
			// Halve first so that the division works on a positive value.
			long quotient = (value >>> 1) / 5;
			array[--end] = (byte) ('0' + (value - quotient * 10));
			value = quotient;
		}
		while (value >= 100_000_000) {
			long quotient = value / 100_000_000;
			end = writeEight((int) (value - quotient * 100_000_000), array, end);
			value = quotient;
		}
		int small = (int) value;
		while (small >= 100) {
			int quotient = small / 100;
			end = writePair(small - quotient * 100, array, end);
			small = quotient;
		}
		if (small >= 10) {
			return writePair(small, array, end);
		}
		array[--end] = (byte) ('0' + small);
		return end;
	}

	/**
	 * Writes {@code bits}, read as unsigned, from {@code position} on.
	 * @return the index after the last digit
	 */
	static int write(long bits, byte[] array, int position) {
		int end = position + length(bits);
		writeBackwards(bits, array, end);
		return end;
	}

	/**
	 * Writes a signed value from {@code position} on, with a leading {@code -} if
	 * negative.
	 * @return the index after the last digit
	 */
	static int writeSigned(long value, byte[] array, int position) {
		if (value < 0) {
			array[position++] = '-';
			// -Long.MIN_VALUE overflows back to itself, whose unsigned reading is the
			// right magnitude.
			return write(-value, array, position);
		}
		return write(value, array, position);
	}

	/** Writes exactly eight digits, with leading zeros, ending at {@code end}. */
	private static int writeEight(int eight, byte[] array, int end) {
		putEight(eightDigits(eight), array, end - 8);
		return end - 8;
	}

	/**
	 * The eight decimal digits of a value below 10<sup>8</sup>, with leading zeros, one
	 * per byte with the first in the low byte, each as a number 0 to 9
	 * ({@link #putEight(long, byte[], int)} makes them ASCII). The digits are worked out
	 * in parallel lanes of one long (four-digit halves, then pairs, then single digits),
	 * dividing by multiplying, so that no step waits for a division.
	 */
	static long eightDigits(int eight) {
		int high = eight / 10_000;
		long halves = high | ((long) (eight - high * 10_000) << 32);
		// x / 100 is (x * 10486) >>> 20 for x below 10^4, and x / 10 is (x * 103) >>> 10
		// for x below 100.
		long hundreds = ((halves * 10486) >>> 20) & 0x0000_007F_0000_007FL;
		long pairs = hundreds | ((halves - 100 * hundreds) << 16);
		long tens = ((pairs * 103) >>> 10) & 0x000F_000F_000F_000FL;
		return tens | ((pairs - 10 * tens) << 8);
	}

	/**
	 * Stores the eight digits made by {@link #eightDigits(int)} as ASCII at {@code at} to
	 * {@code at + 7}.
	 */
	static void putEight(long eightDigits, byte[] array, int at) {
		LONG_IN_BYTES.set(array, at, eightDigits + ASCII_ZEROS);
	}

	private static int writePair(int pair, byte[] array, int end) {
		putPair(pair, array, end - 2);
		return end - 2;
	}

	private static void putPair(int pair, byte[] array, int at) {
		SHORT_IN_BYTES.set(array, at, DIGIT_PAIRS[pair]);
	}

}
