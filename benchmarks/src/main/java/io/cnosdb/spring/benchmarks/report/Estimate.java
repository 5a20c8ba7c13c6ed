package io.cnosdb.spring.benchmarks.report;

import java.util.Arrays;

/**
 * A measured figure and the interval it is known to within: from JMH, the score and its
 * 99.9 % confidence interval (Student's t over the measured iterations); from repeated
 * runs, the median and the range from the lowest to the highest run. With five runs or
 * more, the chance that the true median lies outside that range is at most 2 ×
 * 2<sup>-5</sup> ≈ 6 %; with fewer the range says little, so the interval is left
 * unknown.
 *
 * @param value the score, or the median of the runs
 * @param low the interval's lower end, {@code NaN} if unknown
 * @param high the interval's upper end, {@code NaN} if unknown
 */
public record Estimate(double value, double low, double high) {

	/** The fewest repetitions whose range is taken as an interval. */
	public static final int MIN_REPETITIONS = 5;

	/**
	 * JMH's score and score error (the half-width of its 99.9 % interval). Every figure
	 * measured here is a rate, a time or a size, none below zero, so an interval that
	 * reaches below zero (JMH's is symmetric) is cut at zero.
	 */
	public static Estimate ofJmh(double score, double error) {
		if (Double.isNaN(error) || Double.isInfinite(error)) {
			return new Estimate(score, Double.NaN, Double.NaN);
		}
		return new Estimate(score, Math.max(0, score - error), score + error);
	}

	/**
	 * The median of the samples and their range, the range known only from
	 * {@value #MIN_REPETITIONS} samples on.
	 */
	public static Estimate ofRepetitions(double... samples) {
		if (samples.length == 0) {
			throw new IllegalArgumentException("No samples to estimate from");
		}
		double[] sorted = samples.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		double median = (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
		if (sorted.length < MIN_REPETITIONS) {
			return new Estimate(median, Double.NaN, Double.NaN);
		}
		return new Estimate(median, sorted[0], sorted[sorted.length - 1]);
	}

	/** Whether the interval is known. */
	public boolean known() {
		return !Double.isNaN(this.low) && !Double.isNaN(this.high);
	}

	/**
	 * This estimate with its interval widened by {@code margin} on both sides, for an
	 * error every sample shares, such as a clock's tick; never below zero.
	 */
	public Estimate widen(double margin) {
		return known() ? new Estimate(this.value, Math.max(0, this.low - margin), this.high + margin) : this;
	}

	/** The value and the interval as {@code 198 (192–204)}, to the digits it allows. */
	@Override
	public String toString() {
		int decimals = Digits.decimals(this, 3);
		return known()
				? Digits.format(this.value, decimals) + " (" + Digits.format(this.low, decimals) + "–"
						+ Digits.format(this.high, decimals) + ")"
				: Digits.format(this.value, decimals) + " (no interval)";
	}

}
