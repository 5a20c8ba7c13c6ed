package io.cnosdb.spring.benchmarks.report;

/**
 * One figure divided by another, with the interval that follows from their two intervals:
 * from the lowest possible quotient ({@code a.low / b.high}) to the highest
 * ({@code a.high / b.low}). No assumption of independent or normal errors is needed, and
 * the interval contains 1 exactly when the two intervals overlap, which is when the two
 * contenders cannot be told apart: such a ratio is "not distinguishable".
 *
 * @param value {@code a.value / b.value}
 * @param low the lowest quotient the intervals allow, {@code NaN} if unknown
 * @param high the highest, {@code NaN} if unknown; infinite if {@code b} may be zero
 */
public record Ratio(double value, double low, double high) {

	/** What is printed after a ratio whose interval holds 1. */
	public static final String NOT_DISTINGUISHABLE = "not distinguishable";

	/** At most two decimals, and only as many as the interval allows. */
	private static final int MAX_DECIMALS = 2;

	/** {@code a ÷ b}, both positive figures. */
	public static Ratio of(Estimate a, Estimate b) {
		double value = a.value() / b.value();
		if (!a.known() || !b.known()) {
			return new Ratio(value, Double.NaN, Double.NaN);
		}
		double high = (b.low() > 0) ? a.high() / b.low() : Double.POSITIVE_INFINITY;
		double low = Math.max(0, a.low()) / b.high();
		return new Ratio(value, low, high);
	}

	/** Whether the interval is known. */
	public boolean known() {
		return !Double.isNaN(this.low) && !Double.isNaN(this.high);
	}

	/**
	 * Whether the interval lies wholly above or wholly below 1; a ratio with an unknown
	 * interval is never distinguishable.
	 */
	public boolean distinguishable() {
		return known() && (this.low > 1 || this.high < 1);
	}

	/**
	 * The ratio and its interval, to the digits the interval allows (at most two
	 * decimals), followed by "not distinguishable" when the interval holds 1:
	 * {@code 0.47 (0.40–0.55)}, {@code 1.1 (0.8–1.5) not distinguishable}.
	 */
	@Override
	public String toString() {
		Estimate asEstimate = new Estimate(this.value, this.low, this.high);
		int decimals = Math.max(0, Digits.decimals(asEstimate, MAX_DECIMALS));
		StringBuilder text = new StringBuilder(Digits.format(this.value, decimals));
		if (known()) {
			text.append(" (")
				.append(Digits.format(this.low, decimals))
				.append('–')
				.append(Digits.format(this.high, decimals))
				.append(')');
		}
		else {
			text.append(" (no interval)");
		}
		if (!distinguishable()) {
			text.append(' ').append(NOT_DISTINGUISHABLE);
		}
		return text.toString();
	}

}
