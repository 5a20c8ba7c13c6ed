package io.cnosdb.spring.benchmarks.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How many digits a figure earns: its interval's half-width rounded to one significant
 * digit decides the last decimal place shown, so that no digit is printed that the
 * uncertainty makes meaningless.
 */
final class Digits {

	/**
	 * Significant digits of a figure whose uncertainty is unknown: enough to read, no
	 * more.
	 */
	private static final int UNKNOWN_SIGNIFICANT_DIGITS = 2;

	private Digits() {
	}

	/**
	 * Decimals for the estimate: the place of its half-width's first significant digit,
	 * at most {@code max}; negative when even the units are uncertain (round to tens,
	 * hundreds…).
	 */
	static int decimals(Estimate estimate, int max) {
		if (!estimate.known()) {
			double magnitude = Math.abs(estimate.value());
			if (!(magnitude > 0) || Double.isInfinite(magnitude)) {
				return 0;
			}
			return Math.min(max, UNKNOWN_SIGNIFICANT_DIGITS - 1 - (int) Math.floor(Math.log10(magnitude)));
		}
		return decimals((estimate.high() - estimate.low()) / 2, max);
	}

	static int decimals(double halfWidth, int max) {
		if (!(halfWidth > 0) || Double.isInfinite(halfWidth)) {
			return (halfWidth == 0) ? max : 0;
		}
		return Math.min(max, -(int) Math.floor(Math.log10(halfWidth)));
	}

	/** The value rounded to the decimal place (negative: tens, hundreds…). */
	static String format(double value, int decimals) {
		if (Double.isNaN(value)) {
			return "?";
		}
		if (Double.isInfinite(value)) {
			return (value > 0) ? "∞" : "-∞";
		}
		BigDecimal rounded = new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN);
		return (decimals >= 0) ? rounded.toPlainString()
				: rounded.setScale(0, RoundingMode.UNNECESSARY).toPlainString();
	}

}
