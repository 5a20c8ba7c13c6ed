package io.cnosdb.spring.core;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.cnosdb.spring.testsupport.MockCnosDb;

import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.dao.TypeMismatchDataAccessException;

import static io.cnosdb.spring.testsupport.RecordedAnswers.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Rows mapped to records, beans and simple values by column name and target type.
 */
class CnosTemplateMappingWireTests {

	@RegisterExtension
	final MockCnosDb db = new MockCnosDb();

	private final CnosTemplate template = this.db.template();

	record Air(Instant time, String station, double visibility, Double temperature, double pressure, String deviceId) {
	}

	record Unsigned(BigInteger u) {
	}

	record Primitive(long value) {
	}

	enum Level {

		LOW, HIGH

	}

	public static class AirBean {

		private String station;

		private LocalDateTime time;

		private Double visibility;

		public void setStation(String station) {
			this.station = station;
		}

		public void setTime(LocalDateTime time) {
			this.time = time;
		}

		public void setVisibility(Double visibility) {
			this.visibility = visibility;
		}

	}

	@Test
	void theClassOverloadsReadOneColumnAsJdbcTemplatesDoAndRefuseARecordOfSeveral() {
		this.db.enqueue(recorded("air-with-special-doubles"), recorded("air-with-special-doubles"));
		assertThatExceptionOfType(DataRetrievalFailureException.class)
			.isThrownBy(() -> this.template.queryForList("select * from air", Air.class))
			.withMessageContaining("Expected a single column");
		List<Air> rows = CnosClient.create(this.template).sql("select * from air").query(Air.class).list();
		assertThat(rows).extracting(Air::station).containsExactly("XiaoMaiDao", "LianYunGang");
	}

	@Test
	void recordsMapByColumnNameWithNanosecondsAndSnakeCase() {
		this.db.enqueue(recorded("air-with-special-doubles"));
		List<Air> rows = this.template.query("select * from air", new CnosDataClassRowMapper<>(Air.class));
		assertThat(rows).hasSize(2);
		Air first = rows.get(0);
		assertThat(first.time()).isEqualTo(Instant.parse("2023-07-28T02:12:11.123456789Z"));
		assertThat(first.time().getNano()).isEqualTo(123_456_789);
		assertThat(first.station()).isEqualTo("XiaoMaiDao");
		assertThat(first.visibility()).isEqualTo(56.0);
		assertThat(first.deviceId()).isEqualTo("007");
		Air second = rows.get(1);
		assertThat(second.visibility()).isNaN();
		assertThat(second.temperature()).isEqualTo(Double.NEGATIVE_INFINITY);
		assertThat(second.pressure()).isEqualTo(Double.POSITIVE_INFINITY);
	}

	@Test
	void beansMapThroughSetters() {
		this.db.enqueue(recorded("null-visibility"));
		AirBean bean = this.template.queryForObject("select time, station, visibility from air",
				new CnosDataClassRowMapper<>(AirBean.class));
		assertThat(bean.station).isEqualTo("XiaoMaiDao");
		assertThat(bean.time).isEqualTo(LocalDateTime.of(2023, 7, 28, 2, 12, 11, 1));
		assertThat(bean.visibility).isNull();
	}

	@Test
	void countMapsToLong() {
		this.db.enqueue(recorded("count"));
		assertThat(this.template.queryForObject("select count(*) from air", Long.class)).isEqualTo(42L);
		assertThat(this.db.takeBody()).isEqualTo("select count(*) from air");
	}

	@Test
	void unsignedAboveLongMaxMapsToBigIntegerAndNotToLong() {
		this.db.enqueue(recorded("largest-unsigned"), recorded("largest-unsigned"));
		assertThat(this.template.queryForObject("select u from t", new CnosDataClassRowMapper<>(Unsigned.class)))
			.isEqualTo(new Unsigned(new BigInteger("18446744073709551615")));
		assertThatExceptionOfType(TypeMismatchDataAccessException.class)
			.isThrownBy(() -> this.template.queryForObject("select u from t", Long.class))
			.withMessageContaining("18446744073709551615");
	}

	@Test
	void booleansAndEnums() {
		this.db.enqueue(recorded("booleans"), recorded("enum-name"));
		assertThat(this.template.queryForList("select b from t", Boolean.class)).containsExactly(true, false);
		assertThat(this.template.queryForObject("select level from t", Level.class)).isEqualTo(Level.HIGH);
	}

	@Test
	void nullIntoPrimitiveIsTypeMismatch() {
		this.db.enqueue(recorded("null-value"), recorded("null-value"), recorded("max-of-nulls"));
		assertThatExceptionOfType(TypeMismatchDataAccessException.class)
			.isThrownBy(() -> this.template.query("select value from t", new CnosDataClassRowMapper<>(Primitive.class)))
			.withMessageContaining("value");
		assertThatExceptionOfType(TypeMismatchDataAccessException.class)
			.isThrownBy(() -> this.template.queryForList("select value from t", long.class));
		assertThat(this.template.queryForObject("select max(v) from t", Long.class)).isNull();
	}

	@Test
	void missingColumnForPrimitiveIsTypeMismatch() {
		this.db.enqueue(recorded("other-column"));
		assertThatExceptionOfType(TypeMismatchDataAccessException.class)
			.isThrownBy(() -> this.template.query("select other from t", new CnosDataClassRowMapper<>(Primitive.class)))
			.withMessageContaining("other");
	}

	@Test
	void queryForObjectWithoutRowsIsEmptyResult() {
		this.db.enqueue(recorded("no-rows-v"));
		assertThatExceptionOfType(EmptyResultDataAccessException.class)
			.isThrownBy(() -> this.template.queryForObject("select v from t where false", Long.class));
	}

	@Test
	void queryForObjectWithSeveralRowsIsIncorrectResultSize() {
		this.db.enqueue(recorded("two-rows"));
		assertThatExceptionOfType(IncorrectResultSizeDataAccessException.class)
			.isThrownBy(() -> this.template.queryForObject("select v from t", Long.class))
			.satisfies((ex) -> assertThat(ex.getActualSize()).isEqualTo(2));
	}

	@Test
	void simpleTypeFromSeveralColumnsFails() {
		this.db.enqueue(recorded("select-1-as-a-2-as-b"));
		assertThatExceptionOfType(org.springframework.dao.DataRetrievalFailureException.class)
			.isThrownBy(() -> this.template.queryForList("select a, b from t", Long.class))
			.withMessageContaining("[a, b]");
	}

	@Test
	void rowAccessorsReadTypedValues() {
		this.db.enqueue(recorded("air-with-special-doubles"));
		List<String> described = this.template.query("select * from air", (row, rowNumber) -> {
			assertThat(row.getRowNumber()).isEqualTo(rowNumber);
			return row.getInstant("time").getNano() + "|" + row.getDouble("VISIBILITY") + "|"
					+ row.getString("device_id") + "|" + row.getLong("device_id");
		});
		assertThat(described).containsExactly("123456789|56.0|007|7", "0|NaN|42|42");
	}

}
