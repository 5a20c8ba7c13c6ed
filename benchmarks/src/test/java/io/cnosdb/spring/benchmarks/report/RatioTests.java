package io.cnosdb.spring.benchmarks.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RatioTests {

	@Test
	void intervalRunsFromTheLowestToTheHighestQuotientTheIntervalsAllow() {
		Ratio ratio = Ratio.of(new Estimate(100, 90, 110), new Estimate(200, 180, 220));
		assertThat(ratio.value()).isEqualTo(0.5);
		assertThat(ratio.low()).isCloseTo(90.0 / 220, within(1e-12));
		assertThat(ratio.high()).isCloseTo(110.0 / 180, within(1e-12));
		assertThat(ratio.distinguishable()).isTrue();
	}

	@Test
	void overlappingIntervalsAreNotDistinguishable() {
		Ratio ratio = Ratio.of(new Estimate(100, 90, 110), new Estimate(105, 104, 120));
		assertThat(ratio.low()).isLessThan(1);
		assertThat(ratio.high()).isGreaterThan(1);
		assertThat(ratio.distinguishable()).isFalse();
		assertThat(ratio.toString()).endsWith(Ratio.NOT_DISTINGUISHABLE);
	}

	@Test
	void intervalsThatOnlyTouchAreNotDistinguishable() {
		Ratio ratio = Ratio.of(new Estimate(100, 90, 110), new Estimate(120, 110, 130));
		assertThat(ratio.high()).isEqualTo(1.0);
		assertThat(ratio.distinguishable()).isFalse();
	}

	@Test
	void separateIntervalsAreDistinguishableWhicheverIsAhead() {
		assertThat(Ratio.of(new Estimate(300, 290, 310), new Estimate(100, 95, 105)).distinguishable()).isTrue();
		assertThat(Ratio.of(new Estimate(100, 95, 105), new Estimate(300, 290, 310)).distinguishable()).isTrue();
	}

	@Test
	void unknownIntervalIsNeverDistinguishable() {
		Ratio ratio = Ratio.of(new Estimate(300, Double.NaN, Double.NaN), new Estimate(100, 95, 105));
		assertThat(ratio.value()).isEqualTo(3.0);
		assertThat(ratio.known()).isFalse();
		assertThat(ratio.distinguishable()).isFalse();
		assertThat(ratio).hasToString("3.0 (no interval) not distinguishable");
		assertThat(Ratio.of(new Estimate(1_937_513, Double.NaN, Double.NaN), new Estimate(1, 1, 1)).value())
			.isEqualTo(1_937_513);
	}

	@Test
	void divisorIntervalReachingZeroLeavesTheRatioUnbounded() {
		Ratio ratio = Ratio.of(new Estimate(10, 9, 11), new Estimate(5, -1, 11));
		assertThat(ratio.high()).isInfinite();
		assertThat(ratio.distinguishable()).isFalse();
	}

	@Test
	void narrowIntervalIsPrintedToTwoDecimals() {
		Ratio ratio = new Ratio(0.4712, 0.4401, 0.5023);
		assertThat(ratio).hasToString("0.47 (0.44–0.50)");
	}

	@Test
	void neverMoreThanTwoDecimals() {
		assertThat(new Ratio(0.47123, 0.47101, 0.47145)).hasToString("0.47 (0.47–0.47)");
	}

	@Test
	void wideIntervalIsPrintedToFewerDecimals() {
		assertThat(new Ratio(1.66, 0.76, 2.9)).hasToString("2 (1–3) not distinguishable");
		assertThat(new Ratio(1.66, 1.31, 2.02)).hasToString("1.7 (1.3–2.0)");
	}

}
