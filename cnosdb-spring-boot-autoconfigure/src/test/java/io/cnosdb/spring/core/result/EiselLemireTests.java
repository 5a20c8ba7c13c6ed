package io.cnosdb.spring.core.result;

import java.math.BigDecimal;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Eisel–Lemire rounds every significand of up to 18 digits, at every covered power of
 * ten, exactly as {@link Double#parseDouble(String)} does, ties included.
 */
class EiselLemireTests {

	private final SplittableRandom random = new SplittableRandom(1969);

	@Test
	void randomSignificandsAtEveryPowerMatchDoubleParseDouble() {
		for (int power = EiselLemire.MIN_POWER; power <= EiselLemire.MAX_POWER; power++) {
			for (int i = 0; i < 3_000; i++) {
				int digits = 1 + this.random.nextInt(18);
				long significand = this.random.nextLong(1, (long) Math.pow(10, digits));
				assertSameAsParseDouble(significand, power, this.random.nextBoolean());
			}
		}
	}

	@Test
	void fullPrecisionDoublesReadBack() {
		for (int i = 0; i < 200_000; i++) {
			double value = this.random.nextDouble() * Math.pow(10, this.random.nextInt(-40, 40));
			BigDecimal shortest = new BigDecimal(Double.toString(value)).stripTrailingZeros();
			if (shortest.precision() <= 18 && EiselLemire.covers(-shortest.scale())) {
				assertThat(EiselLemire.toDouble(shortest.unscaledValue().longValueExact(), -shortest.scale(), false))
					.as("%s", shortest)
					.isEqualTo(value);
			}
		}
	}

	@Test
	void tiesBetweenTwoDoublesRoundToEven() {
		for (int i = 0; i < 100_000; i++) {
			// An integer double above 2^53 and the one after it; their midpoint is a tie.
			double below = this.random.nextLong(1L << 53, 1L << 59) * Math.scalb(1.0, this.random.nextInt(0, 5));
			BigDecimal tie = new BigDecimal(below).add(new BigDecimal(Math.nextUp(below)))
				.divide(BigDecimal.valueOf(2))
				.stripTrailingZeros();
			if (tie.precision() <= 18 && EiselLemire.covers(-tie.scale())) {
				assertSameAsParseDouble(tie.unscaledValue().longValueExact(), -tie.scale(), false);
			}
		}
		assertSameAsParseDouble(9_007_199_254_740_993L, 0, false);
		assertSameAsParseDouble(9_007_199_254_740_995L, 0, true);
	}

	@Test
	void extremesOfTheCoveredRange() {
		for (long significand : new long[] { 1, 9, 10, 999_999_999_999_999_999L, 1L << 62, 123_456_789_012_345_678L }) {
			for (int power : new int[] { EiselLemire.MIN_POWER, -28, -27, -23, -22, -5, -4, 0, 22, 23, 24,
					EiselLemire.MAX_POWER }) {
				assertSameAsParseDouble(significand, power, false);
			}
		}
	}

	private static void assertSameAsParseDouble(long significand, int power, boolean negative) {
		String text = (negative ? "-" : "") + significand + "e" + power;
		double expected = Double.parseDouble(text);
		assertThat(Double.doubleToRawLongBits(EiselLemire.toDouble(significand, power, negative))).as(text)
			.isEqualTo(Double.doubleToRawLongBits(expected));
	}

}
