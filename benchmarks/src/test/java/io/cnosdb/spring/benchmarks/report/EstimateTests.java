package io.cnosdb.spring.benchmarks.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EstimateTests {

	@Test
	void repetitionsGiveTheMedianAndTheRange() {
		Estimate estimate = Estimate.ofRepetitions(3, 1, 5, 2, 4);
		assertThat(estimate).isEqualTo(new Estimate(3, 1, 5));
		assertThat(estimate.known()).isTrue();
	}

	@Test
	void evenCountTakesTheMeanOfTheMiddleTwo() {
		assertThat(Estimate.ofRepetitions(1, 2, 3, 4, 5, 6).value()).isEqualTo(3.5);
	}

	@Test
	void fewerThanFiveRepetitionsLeaveTheIntervalUnknown() {
		Estimate estimate = Estimate.ofRepetitions(1, 2, 3, 4);
		assertThat(estimate.value()).isEqualTo(2.5);
		assertThat(estimate.known()).isFalse();
	}

	@Test
	void noRepetitionIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(Estimate::ofRepetitions).withMessageContaining("No samples");
	}

	@Test
	void jmhScoreErrorIsTheHalfWidth() {
		assertThat(Estimate.ofJmh(200, 6)).isEqualTo(new Estimate(200, 194, 206));
	}

	@Test
	void jmhWithoutAnErrorLeavesTheIntervalUnknown() {
		assertThat(Estimate.ofJmh(200, Double.NaN).known()).isFalse();
	}

	@Test
	void anIntervalIsCutAtZeroSinceNoFigureMeasuredHereIsNegative() {
		assertThat(Estimate.ofJmh(2000, 4000)).isEqualTo(new Estimate(2000, 0, 6000));
		assertThat(new Estimate(10, 1, 11).widen(2)).isEqualTo(new Estimate(10, 0, 13));
	}

	@Test
	void widenAddsTheMarginOnBothSides() {
		assertThat(new Estimate(10, 9, 11).widen(0.5)).isEqualTo(new Estimate(10, 8.5, 11.5));
	}

	@Test
	void printedToTheDigitsTheIntervalAllows() {
		assertThat(new Estimate(198.34, 192.1, 204.6)).hasToString("198 (192–205)");
		assertThat(new Estimate(5_869_940, 5_669_940, 6_069_940)).hasToString("5900000 (5700000–6100000)");
		assertThat(new Estimate(0.123, 0.1229, 0.1231)).hasToString("0.123 (0.123–0.123)");
	}

	@Test
	void withoutAnIntervalPrintedToTwoSignificantDigits() {
		assertThat(Estimate.ofRepetitions(1_937_513.3)).hasToString("1900000 (no interval)");
		assertThat(Estimate.ofRepetitions(330)).hasToString("330 (no interval)");
	}

}
