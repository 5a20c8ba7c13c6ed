package io.cnosdb.spring.core.write;

/**
 * Writes unsigned 64-bit integers as ASCII decimal digits straight into a byte array, two digits per
 * division, without going through a {@link String}.
 */
final class DecimalDigits {

	/** The most digits an unsigned 64-bit value has (18446744073709551615). */
	static final int MAX_UNSIGNED_LENGTH = 20;

	/** 10<sup>19</sup> read as unsigned: the smallest unsigned 64-bit value with 20 digits. */
	private static final long TEN_POW_19 = Long.parseUnsignedLong("10000000000000000000");

	/** 10<sup>0</sup> to 10<sup>18</sup>, every power of ten a signed long holds. */
	private static final long[] POWERS_OF_TEN = new long[19];

	/** The ASCII digits of 00 to 99, two bytes each. */
	private static final byte[] DIGIT_PAIRS = new byte[200];

	static {
		long power = 1;
		for (int i = 0; i < POWERS_OF_TEN.length; i++) {
			POWERS_OF_TEN[i] = power;
			power *= 10;
		}
		for (int i = 0; i < 100; i++) {
			DIGIT_PAIRS[2 * i] = (byte) ('0' + i / 10);
			DIGIT_PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
		}
	}

	private DecimalDigits() {
	}

	/** The number of decimal digits of {@code bits} read as unsigned, 1 for zero. */
	static int length(long bits) {
		if (bits < 0) {
			return (Long.compareUnsigned(bits, TEN_POW_19) >= 0) ? 20 : 19;
		}
		// Setting the lowest bit never crosses a power of ten (all above 1 are even) and makes 0 count as 1.
		long value = bits | 1;
		// 1233 / 4096 is just above log10(2): the guess is the digit count or one below it.
		int guess = ((64 - Long.numberOfLeadingZeros(value)) * 1233) >>> 12;
		return guess + ((value >= POWERS_OF_TEN[guess]) ? 1 : 0);
	}

	/**
	 * Writes {@code bits}, read as unsigned, so that its last digit is at {@code end - 1}.
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
		while (value > Integer.MAX_VALUE) {
			// Eight digits at a time with one long division; the rest works on an int, which divides faster.
			long quotient = value / 100_000_000;
			int eight = (int) (value - quotient * 100_000_000);
			for (int i = 0; i < 4; i++) {
				int pairs = eight / 100;
				end = writePair(eight - pairs * 100, array, end);
				eight = pairs;
			}
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
	 * Writes a signed value from {@code position} on, with a leading {@code -} if negative.
	 * @return the index after the last digit
	 */
	static int writeSigned(long value, byte[] array, int position) {
		if (value < 0) {
			array[position++] = '-';
			// -Long.MIN_VALUE overflows back to itself, whose unsigned reading is the right magnitude.
			return write(-value, array, position);
		}
		return write(value, array, position);
	}

	private static int writePair(int pair, byte[] array, int end) {
		array[end - 2] = DIGIT_PAIRS[2 * pair];
		array[end - 1] = DIGIT_PAIRS[2 * pair + 1];
		return end - 2;
	}

}
