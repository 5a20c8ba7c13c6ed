package io.cnosdb.spring.core.sql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.dao.InvalidDataAccessApiUsageException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Each Java value renders as one CnosDB literal token.
 */
class SqlLiteralsTests {

	enum Level {

		LOW, HIGH

	}

	@Test
	void strings() {
		assertThat(render("it's")).isEqualTo("'it''s'");
		assertThat(render("")).isEqualTo("''");
		assertThat(render('x')).isEqualTo("'x'");
		assertThat(render(new StringBuilder("a'b"))).isEqualTo("'a''b'");
		assertThat(render(UUID.fromString("123e4567-e89b-12d3-a456-426614174000")))
			.isEqualTo("'123e4567-e89b-12d3-a456-426614174000'");
	}

	@Test
	void nullAndBooleans() {
		assertThat(render(null)).isEqualTo("NULL");
		assertThat(render(true)).isEqualTo("true");
		assertThat(render(false)).isEqualTo("false");
	}

	@Test
	void integers() {
		assertThat(render(42)).isEqualTo("42");
		assertThat(render(Long.MAX_VALUE)).isEqualTo("9223372036854775807");
		assertThat(render((short) 7)).isEqualTo("7");
		assertThat(render((byte) 1)).isEqualTo("1");
		assertThat(render(new BigInteger("18446744073709551615"))).isEqualTo("18446744073709551615");
		assertThat(render(Long.MIN_VALUE)).isEqualTo("(-9223372036854775808)");
	}

	@Test
	void doublesKeepEveryDigitInPlainNotation() {
		assertThat(render(0.1)).isEqualTo("0.1");
		assertThat(render(80.0)).isEqualTo("80.0");
		assertThat(render(66.94915254237289)).isEqualTo("66.94915254237289");
		assertThat(render(-1.5)).isEqualTo("(-1.5)");
		String huge = render(1e300);
		assertThat(huge).matches("10{300}\\.0");
		assertThat(Double.parseDouble(huge)).isEqualTo(1e300);
		assertThat(Double.parseDouble(render(4.9e-324))).isEqualTo(4.9e-324);
		assertThat(render(1e300)).doesNotContainIgnoringCase("e");
	}

	@Test
	void floatsUseTheirOwnShortestDigits() {
		assertThat(render(0.1f)).isEqualTo("0.1");
		assertThat(render(1e10f)).isEqualTo("10000000000.0");
	}

	@Test
	void nanAndInfinityAreCasts() {
		assertThat(render(Double.NaN)).isEqualTo("CAST('NaN' AS DOUBLE)");
		assertThat(render(Double.POSITIVE_INFINITY)).isEqualTo("CAST('inf' AS DOUBLE)");
		assertThat(render(Double.NEGATIVE_INFINITY)).isEqualTo("CAST('-inf' AS DOUBLE)");
		assertThat(render(Float.NaN)).isEqualTo("CAST('NaN' AS DOUBLE)");
	}

	@Test
	void bigDecimalsArePlain() {
		assertThat(render(new BigDecimal("1E+3"))).isEqualTo("1000");
		assertThat(render(new BigDecimal("-0.000001"))).isEqualTo("(-0.000001)");
	}

	@Test
	void instantsKeepNanosecondsInUtc() {
		assertThat(render(Instant.parse("2024-01-31T06:30:30.123456789Z")))
			.isEqualTo("'2024-01-31T06:30:30.123456789Z'");
		assertThat(render(Instant.parse("2024-01-31T06:30:30Z"))).isEqualTo("'2024-01-31T06:30:30Z'");
		assertThat(render(OffsetDateTime.of(2024, 1, 31, 14, 30, 30, 0, ZoneOffset.ofHours(8))))
			.isEqualTo("'2024-01-31T06:30:30Z'");
		assertThat(render(ZonedDateTime.of(2024, 1, 31, 14, 30, 30, 1, ZoneId.of("Asia/Shanghai"))))
			.isEqualTo("'2024-01-31T06:30:30.000000001Z'");
	}

	@Test
	void localDateTimesAndDatesHaveNoZone() {
		assertThat(render(LocalDateTime.of(2024, 1, 31, 6, 30, 30, 123_000_000)))
			.isEqualTo("'2024-01-31T06:30:30.123'");
		assertThat(render(LocalDate.of(2024, 1, 31))).isEqualTo("'2024-01-31'");
	}

	@Test
	void enumsRenderTheirName() {
		assertThat(render(Level.HIGH)).isEqualTo("'HIGH'");
	}

	@Test
	void unsupportedTypeNamesTheParameterAndType() {
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> SqlLiterals.render("when", new Object()))
			.withMessageContaining("'when'")
			.withMessageContaining("java.lang.Object");
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> SqlLiterals.render("bytes", new byte[] { 1 }));
	}

	private static String render(Object value) {
		return SqlLiterals.render("p", value);
	}

}
