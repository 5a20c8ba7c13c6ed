package io.cnosdb.spring.core.result;

import java.time.Instant;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Every timestamp layout CnosDB writes (protocol reference §2.2, §2.3).
 */
class CnosTimestampsTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "2023-07-28T02:12:11.000000000 | 2023-07-28T02:12:11Z",
					"1970-01-01T00:00:00.000000001 | 1970-01-01T00:00:00.000000001Z",
					"2022-11-03T06:20:11.000000001 | 2022-11-03T06:20:11.000000001Z",
					"2022-11-03T06:20:11.000010 | 2022-11-03T06:20:11.000010Z",
					"2022-11-03T06:20:11.001 | 2022-11-03T06:20:11.001Z", "2022-11-03T06:20:11 | 2022-11-03T06:20:11Z",
					"1970-01-01 00:00:00.000000100 | 1970-01-01T00:00:00.000000100Z",
					"2022-11-03T06:20:11.5Z | 2022-11-03T06:20:11.5Z",
					"2024-01-01T00:00:00.000000000+00:00 | 2024-01-01T00:00:00Z",
					"2024-01-01T08:00:00.123456789+08:00 | 2024-01-01T00:00:00.123456789Z",
					"2023-12-31T19:00:00-05:00 | 2024-01-01T00:00:00Z",
					"1969-12-31T23:59:59.999999999 | 1969-12-31T23:59:59.999999999Z",
					"2024-02-29T23:59:59.999 | 2024-02-29T23:59:59.999Z" })
	void parsesEveryLayout(String text, String expected) {
		assertThat(CnosTimestamps.parseInstant(text)).isEqualTo(Instant.parse(expected));
	}

	@Test
	void keepsEveryNanosecond() {
		assertThat(CnosTimestamps.parseInstant("2023-07-28T02:12:11.123456789").getNano()).isEqualTo(123_456_789);
	}

	@Test
	void localDateTimeIsUtc() {
		assertThat(CnosTimestamps.parseLocalDateTime("2024-01-01T08:00:00.000000001+08:00"))
			.isEqualTo(LocalDateTime.of(2024, 1, 1, 0, 0, 0, 1));
		assertThat(CnosTimestamps.parseLocalDateTime("2023-07-28T02:12:11.000000000"))
			.isEqualTo(LocalDateTime.of(2023, 7, 28, 2, 12, 11));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "2023", "2023-07-28", "2023-07-28X02:12:11", "2023/07/28T02:12:11", "2023-07-28T02:12",
			"2023-07-28T24:00:00", "2023-07-28T02:60:00", "2023-07-28T02:12:61", "2023-07-28T02:12:11.",
			"2023-07-28T02:12:11.1234567890", "2023-07-28T02:12:11.abc", "2023-07-28T02:12:11 ",
			"2023-07-28T02:12:11ZZ", "2023-07-28T02:12:11+0800", "2023-07-28T02:12:11+08",
			"2023-07-28T02:12:11.000+08:00x", "abcd-ef-ghTij:kl:mn", "2023-13-01T00:00:00", "2023-02-30T00:00:00",
			"2023-00-10T00:00:00", "2023-07-28T02:12:11+25:00", "2023-07-28T02:12:11+08:60", "1690510331000000000",
			"2023-07-28T02:1a:11" })
	void rejectsAnythingElseWithIllegalArgument(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> CnosTimestamps.parseInstant(text))
			.withMessageContaining("'" + text + "'");
	}

}
