package io.cnosdb.spring.core.result;

import java.math.BigInteger;

/**
 * Turns a decimal {@code significand × 10^power} into the nearest double, rounding as
 * {@link Double#parseDouble(String)} does, by the Eisel–Lemire algorithm: one or two 64 ×
 * 128 bit multiplications by a truncated power of five. This is the method of fast_float
 * and of FastDoubleParser; with an exact significand of at most 19 digits it needs no
 * fallback (Mushtak and Lemire, "Fast number parsing without fallback", 2023).
 * <p>
 * Only the powers of ten from {@value #MIN_POWER} to {@value #MAX_POWER} are covered,
 * where every result with such a significand is a normal, finite double, so subnormals
 * and overflow never arise here: the caller leaves other values to a full parser.
 */
final class EiselLemire {

	static final int MIN_POWER = -64;

	static final int MAX_POWER = 64;

	/**
	 * For each power of ten, 5^power normalised to 128 bits (top bit set), high half
	 * first: truncated for positive powers, the reciprocal rounded up for negative ones,
	 * as fast_float generates its table.
	 */
	private static final long[] POWERS_OF_FIVE = powersOfFive();

	/**
	 * Enough bits of the product to round to 53 bits, plus one for rounding and one for
	 * the normalising shift.
	 */
	private static final long PRECISION_MASK = 0xFFFF_FFFF_FFFF_FFFFL >>> (52 + 3);

	private EiselLemire() {
	}

	/** Whether {@link #toDouble} covers the power of ten. */
	static boolean covers(int power) {
		return power >= MIN_POWER && power <= MAX_POWER;
	}

	/**
	 * The double nearest to {@code significand × 10^power}, ties to even.
	 * @param significand the digits as an integer, from 1 to {@code Long.MAX_VALUE}
	 * @param power a power of ten that {@link #covers} accepts
	 * @param negative whether to negate the result
	 */
	static double toDouble(long significand, int power, boolean negative) {
		int leadingZeros = Long.numberOfLeadingZeros(significand);
		long normalised = significand << leadingZeros;
		int index = 2 * (power - MIN_POWER);
		long high = unsignedMultiplyHigh(normalised, POWERS_OF_FIVE[index]);
		long low = normalised * POWERS_OF_FIVE[index];
		if ((high & PRECISION_MASK) == PRECISION_MASK) {
			// The bits that decide the rounding may be wrong: add the product with the
			// lower half.
			long carry = unsignedMultiplyHigh(normalised, POWERS_OF_FIVE[index + 1]);
			low += carry;
			if (Long.compareUnsigned(carry, low) > 0) {
				high++;
			}
		}
		int upperBit = (int) (high >>> 63);
		int shift = upperBit + 64 - 52 - 3;
		long mantissa = high >>> shift;
		// floor(power × log2(10)) + 63, then the shifts, then the exponent bias of 1023.
		int biasedExponent = ((217_706 * power) >> 16) + 63 + upperBit - leadingZeros + 1023;
		if (Long.compareUnsigned(low, 1) <= 0 && power >= -4 && power <= 23 && (mantissa & 3) == 1
				&& (mantissa << shift) == high) {
			// Exactly half way between two doubles (possible only where 5^power is
			// exact): to even.
			mantissa &= ~1L;
		}
		mantissa += mantissa & 1;
		mantissa >>>= 1;
		if (mantissa >= (2L << 52)) {
			mantissa = 1L << 52;
			biasedExponent++;
		}
		long bits = (mantissa & ~(1L << 52)) | ((long) biasedExponent << 52);
		return Double.longBitsToDouble(negative ? bits | Long.MIN_VALUE : bits);
	}

	/**
	 * The high 64 bits of the unsigned 128-bit product ({@code Math.unsignedMultiplyHigh}
	 * from Java 18).
	 */
	private static long unsignedMultiplyHigh(long x, long y) {
		return Math.multiplyHigh(x, y) + ((x >> 63) & y) + ((y >> 63) & x);
	}

	private static long[] powersOfFive() {
		long[] table = new long[2 * (MAX_POWER - MIN_POWER + 1)];
		BigInteger five = BigInteger.valueOf(5);
		for (int power = MIN_POWER; power <= MAX_POWER; power++) {
			BigInteger value;
			if (power < 0) {
				BigInteger divisor = five.pow(-power);
				int bits = divisor.bitLength();
				int scale = (power >= -27) ? bits + 127 : 2 * bits + 128;
				value = BigInteger.ONE.shiftLeft(scale).divide(divisor).add(BigInteger.ONE);
			}
			else {
				value = five.pow(power);
			}
			value = (value.bitLength() < 128) ? value.shiftLeft(128 - value.bitLength())
					: value.shiftRight(value.bitLength() - 128);
			int index = 2 * (power - MIN_POWER);
			table[index] = value.shiftRight(64).longValue();
			table[index + 1] = value.longValue();
		}
		return table;
	}

}
