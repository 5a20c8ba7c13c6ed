package io.cnosdb.spring.core.ddl;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * CnosDB duration syntax (protocol reference §6.2), checked before a statement is sent.
 */
class CnosDurationTests {

	@ParameterizedTest
	@ValueSource(strings = { "30d", "180d", "7d", "2y1M", "1y6M", "30", "0", " 1d", "1d ", "1 d", "1d 12h", "1d  12h",
			"30 days", "1y 6M", "5min", "2hr", "3weeks", "10s", "1h30m", "500ms", "100us", "5ns", "3days", "2years",
			"1month", "12hours", "2w", "5min", "1nanos", "1msec" })
	void acceptsServerSyntax(String text) {
		assertThat(CnosDuration.parse(text).text()).isEqualTo(text);
	}

	@Test
	void infIsInfiniteInAnyCase() {
		assertThat(CnosDuration.parse("inf")).isSameAs(CnosDuration.INFINITE);
		assertThat(CnosDuration.parse("INF")).isSameAs(CnosDuration.INFINITE);
		assertThat(CnosDuration.INFINITE.text()).isEqualTo("INF");
	}

	@Test
	void monthsAndMinutesAreDistinct() {
		assertThat(CnosDuration.parse("1M")).isNotEqualTo(CnosDuration.parse("1m"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "d", "30D", "1H", "-1d", "1d'", "1d; DROP DATABASE x", "1.d", "1x", "infinity",
			"1Y", "730.5d", "1.5", "1d,12h", "1dd", "1 day s" })
	void rejectsAnythingElse(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> CnosDuration.parse(text))
			.withMessageContaining("'" + text + "'");
	}

	@Test
	void rejectsNull() {
		assertThatIllegalArgumentException().isThrownBy(() -> CnosDuration.parse(null));
	}

	@Test
	void fromJavaDurationInOneUnitThatCnosDb23ReadsAlike() {
		// CnosDB 2.3 reads one number and one of d, h, m; 2.4 reads the same text the
		// same way.
		assertThat(CnosDuration.of(Duration.ofDays(30)).text()).isEqualTo("30d");
		assertThat(CnosDuration.of(Duration.ofDays(1).plusHours(12)).text()).isEqualTo("36h");
		assertThat(CnosDuration.of(Duration.ofMinutes(90)).text()).isEqualTo("90m");
	}

	@Test
	void fromJavaDuration() {
		assertThat(CnosDuration.of(Duration.ofDays(1).plusHours(2).plusMinutes(3).plusSeconds(4).plusNanos(5)).text())
			.isEqualTo("1d2h3m4s5ns");
		assertThat(CnosDuration.of(Duration.ofMillis(1500)).text()).isEqualTo("1s500000000ns");
	}

	@Test
	void fromJavaDurationIsAlwaysValidSyntax() {
		for (Duration duration : new Duration[] { Duration.ofNanos(1), Duration.ofDays(400), Duration.ofSeconds(59),
				Duration.ofHours(25).plusMillis(1) }) {
			String text = CnosDuration.of(duration).text();
			assertThat(CnosDuration.parse(text).text()).isEqualTo(text);
		}
	}

	@Test
	void zeroAndNegativeJavaDurationsAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> CnosDuration.of(Duration.ZERO));
		assertThatIllegalArgumentException().isThrownBy(() -> CnosDuration.of(Duration.ofDays(-1)));
	}

}
