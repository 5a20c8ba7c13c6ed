package io.cnosdb.spring.core.write;

import java.math.BigInteger;

/**
 * Writes a finite double as the shortest decimal that reads back as the same double, as
 * ASCII into a byte array, without allocating.
 * <p>
 * The digits are chosen by the Schubfach algorithm of Raffaello Giulietti ("The Schubfach
 * way to render doubles", 2020, revised 2021): among the decimals inside the double's
 * rounding interval it takes one of the fewest digits, at least two, and of those the
 * closest to the double (the even one on a tie). The interval bounds are computed exactly
 * enough with one 126-bit approximation of a power of ten per double. Most values of a
 * few decimals, as measurements often are, skip it: up to four scalings and one division
 * show their decimal, the same one (see {@link #fewFractionDigits(double)}).
 * <p>
 * The layout is that of {@link Double#toString(double)} on Java 19 and later, whose
 * digits come from the same specification: {@code 0.001} to below {@code 1.0E7} in plain
 * notation with at least one fraction digit ({@code 5.47}, {@code 100.0}, {@code 0.001}),
 * anything else as one digit, a fraction and an exponent ({@code 1.0E7}, {@code 9.99E-4},
 * {@code 4.9E-324}); zeros are {@code 0.0} and {@code -0.0}. CnosDB reads both forms as a
 * double.
 */
final class ShortestDouble {

	/** The longest output, as in {@code -2.2250738585072014E-308}. */
	static final int MAX_LENGTH = 24;

	private static final int SIGNIFICAND_BITS = 52;

	private static final long FRACTION_MASK = (1L << SIGNIFICAND_BITS) - 1;

	/**
	 * The smallest significand of a normal double, the one whose lower neighbour is
	 * closer.
	 */
	private static final long HIDDEN_BIT = 1L << SIGNIFICAND_BITS;

	/**
	 * The binary exponent of the least significant bit of subnormals: Double.MIN_VALUE is
	 * 2^-1074.
	 */
	private static final int MIN_EXPONENT = -1074;

	private static final int EXPONENT_BIAS = 1075;

	/**
	 * Subnormal significands below this give fewer than two digits; they are taken times
	 * ten.
	 */
	private static final long TINY_SIGNIFICAND = 3;

	private static final long MASK_63 = Long.MAX_VALUE;

	/**
	 * Decimal exponents whose powers of ten the algorithm needs, from 2^-1074 to 2^971.
	 */
	private static final int MIN_DECIMAL_EXPONENT = floorLog10Pow2(MIN_EXPONENT);

	private static final int MAX_DECIMAL_EXPONENT = floorLog10Pow2(2046 - EXPONENT_BIAS);

	/**
	 * For each k, g = floor(10^-k * 2^-r) + 1 with r chosen so that 2^125 &lt;= g &lt;
	 * 2^126: the high 63 bits at {@code 2 * (k - MIN_DECIMAL_EXPONENT)}, the low 63 bits
	 * after them.
	 */
	private static final long[] POWERS_OF_TEN = computePowersOfTen();

	private static final byte[] ZERO = { '0', '.', '0' };

	/** The most fraction digits {@link #fewFractionDigits(double)} tries. */
	private static final int MAX_FEW_FRACTION_DIGITS = 4;

	/** The values {@link #fewFractionDigits(double)} tries: below 2<sup>32</sup>. */
	private static final double FEW_DIGITS_BOUND = 0x1p32;

	/** 10<sup>1</sup> to 10<sup>4</sup>, exact doubles. */
	private static final double[] TENS = { 1e1, 1e2, 1e3, 1e4 };

	private ShortestDouble() {
	}

	/**
	 * Writes {@code value} from {@code position} on; the array must have
	 * {@link #MAX_LENGTH} bytes of room.
	 * @param value a finite double
	 * @return the index after the last byte written
	 */
	static int write(double value, byte[] array, int position) {
		long bits = Double.doubleToRawLongBits(value);
		if (bits < 0) {
			array[position++] = '-';
		}
		long fraction = bits & FRACTION_MASK;
		int biasedExponent = (int) (bits >>> SIGNIFICAND_BITS) & 0x7FF;
		if (biasedExponent != 0) {
			long significand = HIDDEN_BIT | fraction;
			int exponent = biasedExponent - EXPONENT_BIAS;
			if (exponent <= 0 && exponent > -SIGNIFICAND_BITS) {
				long integer = significand >> -exponent;
				if (integer << -exponent == significand) {
					// An integer below 2^53 is its own shortest decimal: nothing shorter
					// lies within half an ulp.
					return layOut(integer, 0, array, position);
				}
			}
			double magnitude = Math.abs(value);
			int fractionDigits = fewFractionDigits(magnitude);
			if (fractionDigits > 0) {
				return layOut((long) (magnitude * TENS[fractionDigits - 1]), -fractionDigits, array, position);
			}
			return shortest(exponent, significand, 0, array, position);
		}
		if (fraction == 0) {
			System.arraycopy(ZERO, 0, array, position, ZERO.length);
			return position + ZERO.length;
		}
		if (fraction < TINY_SIGNIFICAND) {
			// Ten times the significand in a ten times narrower interval: enough digits
			// for the two the layout
			// needs, and every decimal found there still rounds to the value.
			return shortest(MIN_EXPONENT, 10 * fraction, -1, array, position);
		}
		return shortest(MIN_EXPONENT, fraction, 0, array, position);
	}

	/**
	 * A count {@code n} of fraction digits, 1 to {@value #MAX_FEW_FRACTION_DIGITS}, such
	 * that the value times 10<sup>n</sup> is a whole double whose digits, with their
	 * trailing zeros dropped by {@link #layOut}, are the value's shortest decimal; 0 if
	 * none is found so (the general algorithm then decides).
	 * <p>
	 * Many measured values have a few decimals, such as {@code 56.78}. A value below
	 * 2<sup>32</sup> times ten to at most the fourth power stays below 2<sup>46</sup>,
	 * where the value's rounding interval, scaled, is less than 0.01 wide and the scaling
	 * errs by less than 0.01: a decimal of {@code n} fraction digits lies in that
	 * interval only if it is the scaled value rounded, and it is then the only decimal of
	 * at most {@code n} fraction digits there. Whether it lies there is decided as a
	 * reader decides it, with one correctly rounded division of two exact doubles (W. D.
	 * Clinger, "How to Read Floating Point Numbers Accurately", 1990, the fast path). So
	 * the decimal accepted is the shortest one, the one the general algorithm finds,
	 * though it may come with trailing zeros: where a shorter decimal exists but its
	 * scaled value was not a whole double (161.42 times 100 is 16141.999999999998), the
	 * loop goes on and accepts it at a larger {@code n} (161420 at n = 3). A value whose
	 * scaled values are never whole (about one in fifteen of those of up to four
	 * decimals) is left to the general algorithm.
	 * @param magnitude a positive normal double
	 */
	private static int fewFractionDigits(double magnitude) {
		if (magnitude >= FEW_DIGITS_BOUND) {
			return 0;
		}
		for (int i = 0; i < MAX_FEW_FRACTION_DIGITS; i++) {
			double scaled = magnitude * TENS[i];
			if (scaled == Math.rint(scaled)) {
				return ((long) scaled / TENS[i] == magnitude) ? i + 1 : 0;
			}
		}
		return 0;
	}

	/**
	 * Finds the decimal for {@code significand * 2^exponent}, to be written with its
	 * decimal exponent moved by {@code exponentAdjustment}. Quantities named with
	 * {@code b} are 4 times the value they stand for, so that the interval bounds (a half
	 * or a quarter unit away) are integers.
	 */
	private static int shortest(int exponent, long significand, int exponentAdjustment, byte[] array, int position) {
		// Boundaries are included when the significand is even (round half to even reads
		// them back to it).
		long excluded = significand & 1;
		long centerB = significand << 2;
		long upperB = centerB + 2;
		long lowerB;
		int k;
		if (significand != HIDDEN_BIT || exponent == MIN_EXPONENT) {
			lowerB = centerB - 2;
			k = floorLog10Pow2(exponent);
		}
		else {
			// At a power of two the lower neighbour is half as far away as the upper one.
			lowerB = centerB - 1;
			k = floorLog10ThreeQuartersPow2(exponent);
		}
		// Scale by 10^-k: the value then has 16 or 17 digits before the point (fewer only
		// for subnormals).
		int shift = exponent + floorLog2Pow10(-k) + 2;
		int index = 2 * (k - MIN_DECIMAL_EXPONENT);
		long high = POWERS_OF_TEN[index];
		long low = POWERS_OF_TEN[index + 1];
		long valueB = roundToOdd(high, low, centerB << shift);
		long lowerBoundB = roundToOdd(high, low, lowerB << shift);
		long upperBoundB = roundToOdd(high, low, upperB << shift);
		long candidate = valueB >> 2;
		if (candidate >= 100) {
			// The interval is less than 10 units wide, so at most one multiple of ten
			// lies inside it: the
			// decimal one digit shorter than the candidate, if there is one.
			long shorterDown = 10 * (candidate / 10);
			long shorterUp = shorterDown + 10;
			boolean downInside = lowerBoundB + excluded <= shorterDown << 2;
			boolean upInside = (shorterUp << 2) + excluded <= upperBoundB;
			if (downInside != upInside) {
				return layOut(downInside ? shorterDown : shorterUp, k, array, position);
			}
		}
		long candidateUp = candidate + 1;
		boolean downInside = lowerBoundB + excluded <= candidate << 2;
		boolean upInside = (candidateUp << 2) + excluded <= upperBoundB;
		int decimalExponent = k + exponentAdjustment;
		if (downInside != upInside) {
			return layOut(downInside ? candidate : candidateUp, decimalExponent, array, position);
		}
		// Both are inside: take the closer one, the even one on a tie.
		long distanceFromMidpoint = valueB - ((candidate + candidateUp) << 1);
		boolean takeDown = distanceFromMidpoint < 0 || (distanceFromMidpoint == 0 && (candidate & 1) == 0);
		return layOut(takeDown ? candidate : candidateUp, decimalExponent, array, position);
	}

	/**
	 * g * cp / 2^127 for g = high * 2^63 + low, rounded to odd: the integer part, with
	 * its lowest bit set when a fraction was dropped. Comparisons with multiples of 4 are
	 * then exact.
	 */
	private static long roundToOdd(long high, long low, long cp) {
		long lowProductHigh = Math.multiplyHigh(low, cp);
		long highProductLow = high * cp;
		long highProductHigh = Math.multiplyHigh(high, cp);
		long middle = (highProductLow >>> 1) + lowProductHigh;
		long integer = highProductHigh + (middle >>> 63);
		long fractionNonZero = ((middle & MASK_63) + MASK_63) >>> 63;
		return integer | fractionNonZero;
	}

	/**
	 * Writes {@code digits * 10^exponent} in the layout of
	 * {@link Double#toString(double)}.
	 */
	private static int layOut(long digits, int exponent, byte[] array, int position) {
		// Drop trailing zeros, of which there can be 16, in steps of 8 (as often as
		// needed), 4, 2 and 1.
		while (digits % 100_000_000 == 0) {
			digits /= 100_000_000;
			exponent += 8;
		}
		if (digits % 10_000 == 0) {
			digits /= 10_000;
			exponent += 4;
		}
		if (digits % 100 == 0) {
			digits /= 100;
			exponent += 2;
		}
		if (digits % 10 == 0) {
			digits /= 10;
			exponent++;
		}
		int length = DecimalDigits.length(digits);
		int scientificExponent = exponent + length - 1;
		if (scientificExponent >= 7 || scientificExponent < -3) {
			return layOutScientific(digits, length, scientificExponent, array, position);
		}
		if (scientificExponent < 0) {
			array[position++] = '0';
			array[position++] = '.';
			for (int i = -1; i > scientificExponent; i--) {
				array[position++] = '0';
			}
			return DecimalDigits.write(digits, array, position);
		}
		int integerLength = scientificExponent + 1;
		if (length <= integerLength) {
			position = DecimalDigits.write(digits, array, position);
			for (int i = length; i < integerLength; i++) {
				array[position++] = '0';
			}
			array[position++] = '.';
			array[position++] = '0';
			return position;
		}
		// Write the digits one place to the right, then move the integer part back over
		// the gap for the point.
		int end = DecimalDigits.write(digits, array, position + 1);
		for (int i = 0; i < integerLength; i++) {
			array[position + i] = array[position + i + 1];
		}
		array[position + integerLength] = '.';
		return end;
	}

	private static int layOutScientific(long digits, int length, int scientificExponent, byte[] array, int position) {
		int end = DecimalDigits.write(digits, array, position + 1);
		array[position] = array[position + 1];
		array[position + 1] = '.';
		if (length == 1) {
			array[end++] = '0';
		}
		array[end++] = 'E';
		return DecimalDigits.writeSigned(scientificExponent, array, end);
	}

	/** floor(q * log10(2)), exact for the exponents of doubles. */
	static int floorLog10Pow2(int q) {
		return (int) ((q * 661_971_961_083L) >> 41);
	}

	/** floor(log10(3/4 * 2^q)), exact for the exponents of doubles. */
	static int floorLog10ThreeQuartersPow2(int q) {
		return (int) ((q * 661_971_961_083L - 274_743_187_321L) >> 41);
	}

	/** floor(e * log2(10)), exact for the decimal exponents of doubles. */
	static int floorLog2Pow10(int e) {
		return (int) ((e * 913_124_641_741L) >> 38);
	}

	private static long[] computePowersOfTen() {
		long[] table = new long[2 * (MAX_DECIMAL_EXPONENT - MIN_DECIMAL_EXPONENT + 1)];
		BigInteger ten = BigInteger.TEN;
		for (int k = MIN_DECIMAL_EXPONENT; k <= MAX_DECIMAL_EXPONENT; k++) {
			int decimal = -k;
			int scale = floorLog2Pow10(decimal) - 125;
			BigInteger floor;
			if (decimal >= 0) {
				BigInteger power = ten.pow(decimal);
				floor = (scale >= 0) ? power.shiftRight(scale) : power.shiftLeft(-scale);
			}
			else {
				floor = BigInteger.ONE.shiftLeft(-scale).divide(ten.pow(-decimal));
			}
			BigInteger g = floor.add(BigInteger.ONE);
			int index = 2 * (k - MIN_DECIMAL_EXPONENT);
			table[index] = g.shiftRight(63).longValueExact();
			table[index + 1] = g.longValue() & MASK_63;
		}
		return table;
	}

	/** The table entry for {@code k}, high then low 63 bits, for tests. */
	static long[] powerOfTen(int k) {
		int index = 2 * (k - MIN_DECIMAL_EXPONENT);
		return new long[] { POWERS_OF_TEN[index], POWERS_OF_TEN[index + 1] };
	}

}
