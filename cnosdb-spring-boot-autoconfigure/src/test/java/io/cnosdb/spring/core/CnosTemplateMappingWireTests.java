package io.cnosdb.spring.core;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.dao.TypeMismatchDataAccessException;

import static io.cnosdb.spring.core.CnosDbResponses.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Rows mapped to records, beans and simple values by column name and target type.
 */
class CnosTemplateMappingWireTests {

	private static final String AIR = "time,station,visibility,temperature,pressure,device_id\n"
			+ "2023-07-28T02:12:11.123456789,XiaoMaiDao,56.0,69.0,77.0,007\n"
			+ "2023-07-28T02:12:12.000000000,LianYunGang,NaN,-inf,inf,42\n";

	private final MockCnosDb db = new MockCnosDb();

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

	@AfterEach
	void close() throws Exception {
		this.db.close();
	}

	@Test
	void recordsMapByColumnNameWithNanosecondsAndSnakeCase() {
		this.db.enqueue(csv(AIR));
		List<Air> rows = this.template.queryForList("select * from air", Air.class);
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
		this.db.enqueue(csv("time,station,visibility\n2023-07-28T02:12:11.000000001,XiaoMaiDao,\n"));
		AirBean bean = this.template.queryForObject("select time, station, visibility from air", AirBean.class);
		assertThat(bean.station).isEqualTo("XiaoMaiDao");
		assertThat(bean.time).isEqualTo(LocalDateTime.of(2023, 7, 28, 2, 12, 11, 1));
		assertThat(bean.visibility).isNull();
	}

	@Test
	void countMapsToLong() {
		this.db.enqueue(csv("COUNT(UInt8(1))\n42\n"));
		assertThat(this.template.queryForObject("select count(*) from air", Long.class)).isEqualTo(42L);
		assertThat(this.db.takeBody()).isEqualTo("select count(*) from air");
	}

	@Test
	void unsignedAboveLongMaxMapsToBigIntegerAndNotToLong() {
		this.db.enqueue(csv("u\n18446744073709551615\n"), csv("u\n18446744073709551615\n"));
		assertThat(this.template.queryForObject("select u from t", Unsigned.class))
			.isEqualTo(new Unsigned(new BigInteger("18446744073709551615")));
		assertThatExceptionOfType(TypeMismatchDataAccessException.class)
			.isThrownBy(() -> this.template.queryForObject("select u from t", Long.class))
			.withMessageContaining("18446744073709551615");
	}

	@Test
	void booleansAndEnums() {
		this.db.enqueue(csv("b\ntrue\nfalse\n"), csv("level\nHIGH\n"));
		assertThat(this.template.queryForList("select b from t", Boolean.class)).containsExactly(true, false);
		assertThat(this.template.queryForObject("select level from t", Level.class)).isEqualTo(Level.HIGH);
	}

	@Test
	void nullIntoPrimitiveIsTypeMismatch() {
		this.db.enqueue(csv("value\n\"\"\n"), csv("value\n\"\"\n"), csv("max(v)\n\"\"\n"));
		assertThatExceptionOfType(TypeMismatchDataAccessException.class)
			.isThrownBy(() -> this.template.queryForList("select value from t", Primitive.class))
			.withMessageContaining("value");
		assertThatExceptionOfType(TypeMismatchDataAccessException.class)
			.isThrownBy(() -> this.template.queryForList("select value from t", long.class));
		assertThat(this.template.queryForObject("select max(v) from t", Long.class)).isNull();
	}

	@Test
	void missingColumnForPrimitiveIsTypeMismatch() {
		this.db.enqueue(csv("other\n1\n"));
		assertThatExceptionOfType(TypeMismatchDataAccessException.class)
			.isThrownBy(() -> this.template.queryForList("select other from t", Primitive.class))
			.withMessageContaining("other");
	}

	@Test
	void queryForObjectWithoutRowsIsEmptyResult() {
		this.db.enqueue(csv("COUNT(UInt8(1))\n"));
		assertThatExceptionOfType(EmptyResultDataAccessException.class)
			.isThrownBy(() -> this.template.queryForObject("select v from t where false", Long.class));
	}

	@Test
	void queryForObjectWithSeveralRowsIsIncorrectResultSize() {
		this.db.enqueue(csv("v\n1\n2\n"));
		assertThatExceptionOfType(IncorrectResultSizeDataAccessException.class)
			.isThrownBy(() -> this.template.queryForObject("select v from t", Long.class))
			.satisfies((ex) -> assertThat(ex.getActualSize()).isEqualTo(2));
	}

	@Test
	void simpleTypeFromSeveralColumnsFails() {
		this.db.enqueue(csv("a,b\n1,2\n"));
		assertThatExceptionOfType(org.springframework.dao.DataRetrievalFailureException.class)
			.isThrownBy(() -> this.template.queryForList("select a, b from t", Long.class))
			.withMessageContaining("[a, b]");
	}

	@Test
	void rowAccessorsReadTypedValues() {
		this.db.enqueue(csv(AIR));
		List<String> described = this.template.query("select * from air", (row, rowNumber) -> {
			assertThat(row.getRowNumber()).isEqualTo(rowNumber);
			return row.getInstant("time").getNano() + "|" + row.getDouble("VISIBILITY") + "|"
					+ row.getString("device_id") + "|" + row.getLong("device_id");
		});
		assertThat(described).containsExactly("123456789|56.0|007|7", "0|NaN|42|42");
	}

}
