package io.cnosdb.spring.core;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.cnosdb.spring.testsupport.MockCnosDb;

import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.dao.InvalidDataAccessApiUsageException;

import static io.cnosdb.spring.testsupport.RecordedAnswers.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The fluent client, {@link CnosClient}: parameters rendered into the exact SQL the
 * server receives.
 */
class CnosClientWireTests {

	@RegisterExtension
	final MockCnosDb db = new MockCnosDb();

	private final CnosTemplate template = this.db.template();

	private final CnosClient client = CnosClient.create(this.template);

	record Reading(Instant time, String station, double visibility) {
	}

	@Test
	void listSendsRenderedParameters() {
		this.db.enqueue(recorded("fluent-readings"));
		List<Reading> readings = this.client.sql(
				"SELECT time, station, visibility FROM air WHERE station = :station AND time >= :from AND visibility > :v")
			.param("station", "Xiao'MaiDao")
			.param("from", Instant.parse("2024-01-01T00:00:00.000000001Z"))
			.param("v", 0.5)
			.query(Reading.class)
			.list();
		assertThat(readings)
			.containsExactly(new Reading(Instant.parse("2024-01-01T00:00:00.000000001Z"), "Xiao'MaiDao", 56.0));
		assertThat(this.db.takeBody())
			.isEqualTo("SELECT time, station, visibility FROM air WHERE station = 'Xiao''MaiDao'"
					+ " AND time >= '2024-01-01T00:00:00.000000001Z' AND visibility > 0.5");
	}

	@Test
	void injectionThroughAValueStaysALiteral() {
		this.db.enqueue(recorded("injection-stays-a-literal"));
		this.client.sql("select station from air where station = :s")
			.param("s", "x'; DROP DATABASE public; --")
			.query(String.class)
			.list();
		assertThat(this.db.takeBody())
			.isEqualTo("select station from air where station = 'x''; DROP DATABASE public; --'");
	}

	@Test
	void collectionsExpandForIn() {
		this.db.enqueue(recorded("in-lists"));
		this.client.sql("select station from air where station in (:names) and v in (:ids)")
			.params(Map.of("names", List.of("a", "b'c"), "ids", new long[] { 1, 2, 3 }))
			.listOfRows();
		assertThat(this.db.takeBody())
			.isEqualTo("select station from air where station in ('a', 'b''c') and v in (1, 2, 3)");
	}

	@Test
	void singleOptionalAndTheirFailures() {
		this.db.enqueue(recorded("station-one-row"), recorded("station-no-rows"), recorded("station-two-rows"),
				recorded("station-no-rows"), recorded("station-two-rows"), recorded("station-one-row"));
		assertThat(this.client.sql("select station from air").query(String.class).single()).isEqualTo("a");
		assertThatExceptionOfType(EmptyResultDataAccessException.class)
			.isThrownBy(() -> this.client.sql("select station from air").query(String.class).single());
		assertThatExceptionOfType(IncorrectResultSizeDataAccessException.class)
			.isThrownBy(() -> this.client.sql("select station from air").query(String.class).single());
		assertThat(this.client.sql("select station from air").query(String.class).optional()).isEmpty();
		assertThatExceptionOfType(IncorrectResultSizeDataAccessException.class)
			.isThrownBy(() -> this.client.sql("select station from air").query(String.class).optional());
		assertThat(this.client.sql("select station from air").query(String.class).optional())
			.isEqualTo(Optional.of("a"));
	}

	@Test
	void updateReturnsInsertedRowsAndZeroForDdl() {
		this.db.enqueue(recorded("insert-two-rows"), recorded("drop-table-if-exists"));
		long inserted = this.client
			.sql("INSERT INTO air (TIME, station, visibility) VALUES (:t1, :s, :v), (:t2, :s, :v)")
			.param("t1", Instant.parse("2024-01-01T00:00:00Z"))
			.param("t2", Instant.parse("2024-01-01T00:00:01Z"))
			.param("s", "XiaoMaiDao")
			.param("v", 56)
			.update();
		assertThat(inserted).isEqualTo(2);
		assertThat(this.client.sql("DROP TABLE IF EXISTS air").update()).isZero();
		assertThat(this.db.takeBody()).isEqualTo("INSERT INTO air (TIME, station, visibility) VALUES "
				+ "('2024-01-01T00:00:00Z', 'XiaoMaiDao', 56), ('2024-01-01T00:00:01Z', 'XiaoMaiDao', 56)");
		assertThat(this.db.takeBody()).isEqualTo("DROP TABLE IF EXISTS air");
	}

	@Test
	void negativeNumberAfterMinusCannotStartAComment() {
		this.db.enqueue(recorded("negative-number"));
		this.client.sql("select v from t where v -:d > 0 and station = 'a'").param("d", -1).listOfRows();
		assertThat(this.db.takeBody()).isEqualTo("select v from t where v -(-1) > 0 and station = 'a'");
	}

	@Test
	void missingParameterFailsBeforeSending() {
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> this.client.sql("select * from air where station = :station").listOfRows())
			.withMessageContaining(":station");
		assertThat(this.db.requestCount()).isZero();
	}

	@Test
	void unpairedSurrogateInAParameterFailsBeforeSending() {
		// Sent as '?', it compared with another value than the caller's.
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> this.client.sql("select * from air where station = :station")
				.param("station", "ab\uD800")
				.listOfRows())
			.withMessage("SQL parameter ':station' must not contain an unpaired surrogate (one at index 2), which is "
					+ "not valid UTF-8 and would be sent as '?'");
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> this.client.sql("select * from air where station in (:s)")
				.param("s", List.of("ok", '\uDC00'))
				.listOfRows())
			.withMessageContaining("SQL parameter ':s'")
			.withMessageContaining("index 0");
		assertThat(this.db.requestCount()).isZero();
	}

	@Test
	void unpairedSurrogateInTheSqlTextFailsBeforeSending() {
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> this.template.execute("DROP TABLE \"t\uD800\""))
			.withMessageContaining("SQL text must not contain an unpaired surrogate (one at index 13)");
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> this.template.queryForStream("select '\uDFFF'", String.class));
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> this.template.queryForList("select 1 -- \uD83D"));
		assertThat(this.db.requestCount()).isZero();
	}

}
