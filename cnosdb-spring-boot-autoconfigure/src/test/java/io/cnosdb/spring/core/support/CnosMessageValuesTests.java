package io.cnosdb.spring.core.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

import io.cnosdb.spring.core.CnosClient;
import io.cnosdb.spring.core.ddl.FieldType;
import io.cnosdb.spring.core.ddl.TableDefinition;
import io.cnosdb.spring.core.write.Point;
import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.core.sql.CnosSql;
import io.cnosdb.spring.core.write.CnosPrecision;
import io.cnosdb.spring.testsupport.MockCnosDb;

import org.springframework.dao.DataAccessException;

import static io.cnosdb.spring.testsupport.RecordedAnswers.handWritten;
import static io.cnosdb.spring.testsupport.RecordedAnswers.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Messages show a long value cut short with its length, so that a megabyte name does not
 * make a megabyte message: every message below carried the whole value.
 */
class CnosMessageValuesTests {

	private static final int MEGABYTE = 1 << 20;

	private static final String MARKER = "…(" + MEGABYTE + " chars)";

	private static final String HUGE = "n".repeat(MEGABYTE);

	@RegisterExtension
	final MockCnosDb db = new MockCnosDb();

	private final CnosTemplate template = this.db.template();

	@Test
	void abbreviateKeepsShortValuesAndCutsLongOnesWithTheirLength() {
		assertThat(CnosMessageValues.abbreviate("ocean")).isEqualTo("ocean");
		assertThat(CnosMessageValues.abbreviate("x".repeat(200))).isEqualTo("x".repeat(200));
		assertThat(CnosMessageValues.abbreviate("x".repeat(201))).isEqualTo("x".repeat(200) + "…(201 chars)");
		assertThat(CnosMessageValues.abbreviate(HUGE)).hasSize(200 + MARKER.length()).endsWith(MARKER);
		// A surrogate pair is kept whole or left out, never split.
		assertThat(CnosMessageValues.abbreviate("x".repeat(199) + "🌡🌡")).isEqualTo("x".repeat(199) + "…(203 chars)");
		assertThat(CnosMessageValues.abbreviate("abcdef", 3)).isEqualTo("abc…(6 chars)");
	}

	@Test
	void invalidNames() {
		assertShort(() -> this.template.createDatabase(HUGE + "/"), "…(" + (MEGABYTE + 1) + " chars)");
		assertShort(() -> CnosSql.quoteName("table", "\uD800" + HUGE), "…(" + (MEGABYTE + 1) + " chars)");
		assertShort(
				() -> TableDefinition.builder("t").field(HUGE, FieldType.BIGINT).field(HUGE, FieldType.DOUBLE).build(),
				MARKER);
	}

	@Test
	void failedStatementInAHugeDatabase() {
		// SELECT 1 succeeds in a database that does not exist; a table does not.
		this.db.enqueue(recorded("table-not-found"));
		assertShort(() -> this.template.withDatabase(HUGE).execute("SELECT * FROM air"), MARKER);
	}

	@Test
	void missingParameterOfAHugeStatement() {
		assertShort(() -> CnosClient.create(this.template).sql("SELECT :x, '" + HUGE + "'").listOfRows(), "chars)");
	}

	@Test
	void unknownColumnAndUnconvertibleValue() {
		this.db.enqueue(hugeValue(), hugeValue());
		assertShort(() -> this.template.query("SELECT n FROM t", (row) -> row.getColumnIndex(HUGE)), MARKER);
		assertShort(() -> this.template.queryForObject("SELECT n FROM t", Long.class), MARKER);
	}

	@Test
	void pointsAndPrecisions() {
		assertShort(() -> Point.measurement(HUGE).field("f", 1L).field("f", 2L), MARKER);
		assertShort(() -> this.template.write(Point.measurement("m").field(HUGE + "\n", 1L)), "chars)");
		assertShort(() -> CnosPrecision.of(HUGE), MARKER);
	}

	/** A value of a megabyte in the status and headers of a recorded result. */
	private static mockwebserver3.MockResponse hugeValue() {
		return handWritten("select-1", "n\n" + HUGE + "\n", "a value of a megabyte is too large to keep as a fixture")
			.build();
	}

	private static void assertShort(Executable call, String marker) {
		Throwable failure = catchThrowable(call::execute);
		assertThat(failure).isInstanceOfAny(IllegalArgumentException.class, IllegalStateException.class,
				DataAccessException.class);
		assertThat(failure.getMessage()).contains(marker).hasSizeLessThan(2_000);
		for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
			assertThat(String.valueOf(cause.getMessage())).hasSizeLessThan(2_000);
		}
	}

}
