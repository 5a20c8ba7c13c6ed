package io.cnosdb.spring.core.result;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import io.cnosdb.spring.testsupport.SlicedCsv;

import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.TypeMismatchDataAccessException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Typed reads of a row, by index and by name: read straight from the bytes where the
 * value has CnosDB's layout, and otherwise exactly as the conversion service reads the
 * text.
 */
class CnosRowTests {

	private static final String CSV = "time,host,usage,count,ok,u,note\n"
			+ "2023-07-28T02:12:11.123456789,server-01,4.793930513738765,87525,true,18446744073709551615,\n"
			+ "2023-07-28T02:12:11Z,北京,inf,0x1F,yes, 42 ,\"a,\"\"b\"\"\"\n";

	@Test
	void readsTypedValuesByIndexAndByName() {
		CnosRow row = firstRow(CSV, true);
		assertThat(row.getInstant(0)).isEqualTo(Instant.parse("2023-07-28T02:12:11.123456789Z"));
		assertThat(row.getInstant("TIME")).isEqualTo(row.getInstant(0));
		assertThat(row.getString(1)).isEqualTo("server-01");
		assertThat(row.getDouble(2)).isEqualTo(4.793930513738765);
		assertThat(row.getDouble("usage")).isEqualTo(4.793930513738765);
		assertThat(row.getLong(3)).isEqualTo(87525L);
		assertThat(row.getLong("count")).isEqualTo(87525L);
		assertThat(row.getBoolean(4)).isTrue();
		assertThat(row.getBigInteger(5)).isEqualTo(new BigInteger("18446744073709551615"));
		assertThat(row.getBigInteger(3)).isEqualTo(BigInteger.valueOf(87525));
		assertThat(row.getObject(3, Integer.class)).isEqualTo(87525);
		assertThat(row.getObject(0, LocalDateTime.class))
			.isEqualTo(LocalDateTime.parse("2023-07-28T02:12:11.123456789"));
		assertThat(row.isNull(6)).isTrue();
		assertThat(row.getString(6)).isNull();
		assertThat(row.getInstant(6)).isNull();
		assertThat(row.getObject(6, Long.class)).isNull();
	}

	@Test
	void otherLayoutsReadAsTheConversionServiceReadsThem() {
		CnosRow row = secondRow(CSV, true);
		CnosRow converted = secondRow(CSV, false);
		assertThat(row.getInstant(0)).isEqualTo(Instant.parse("2023-07-28T02:12:11Z"))
			.isEqualTo(converted.getInstant(0));
		assertThat(row.getString(1)).isEqualTo("北京");
		assertThat(row.getDouble(2)).isEqualTo(Double.POSITIVE_INFINITY);
		assertThat(row.getLong(3)).isEqualTo(31L).isEqualTo(converted.getLong(3));
		assertThat(row.getBoolean(4)).isTrue();
		assertThat(row.getLong(5)).isEqualTo(42L).isEqualTo(converted.getLong(5));
		assertThat(row.getString(6)).isEqualTo("a,\"b\"");
	}

	@Test
	void badValuesFailNamingValueColumnAndRow() {
		CnosRow row = firstRow(CSV, true);
		assertThatExceptionOfType(TypeMismatchDataAccessException.class).isThrownBy(() -> row.getLong(5))
			.withMessage("Cannot convert value '18446744073709551615' of column 'u' (row 0) to java.lang.Long");
		assertThatExceptionOfType(TypeMismatchDataAccessException.class).isThrownBy(() -> row.getDouble(1))
			.withMessageContaining("'server-01'")
			.withMessageContaining("'host'");
		assertThatExceptionOfType(TypeMismatchDataAccessException.class).isThrownBy(() -> row.getInstant(1))
			.withMessageContaining("'server-01'");
		assertThatExceptionOfType(TypeMismatchDataAccessException.class).isThrownBy(() -> row.getLong("note"))
			.withMessage("Column 'note' is NULL in row 0 and cannot be read as Long");
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class).isThrownBy(() -> row.getDouble(7))
			.withMessageContaining("out of range");
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class).isThrownBy(() -> row.getLong("nope"))
			.withMessageContaining("No column 'nope'");
	}

	@Test
	void ownConversionServiceIsUsedForEveryTypedRead() {
		DefaultConversionService conversions = new DefaultConversionService();
		conversions.addConverter(String.class, Long.class, (String text) -> -1L);
		conversions.addConverter(String.class, Double.class, (String text) -> -2.0);
		CsvResultReader reader = SlicedCsv.reader(CSV, 64, 64);
		CnosRow row = new CnosRow(reader.columns(), reader, conversions, false);
		reader.next();
		row.advance();
		assertThat(row.getLong(3)).isEqualTo(-1L);
		assertThat(row.getDouble(2)).isEqualTo(-2.0);
		assertThat(row.getObject(3, Long.class)).isEqualTo(-1L);
	}

	@Test
	void repeatedShortValuesAreEqualStringsAcrossRows() {
		StringBuilder csv = new StringBuilder("host,region\n");
		for (int i = 0; i < 10_000; i++) {
			csv.append("server-").append(i % 1500).append(",r").append(i % 7).append('\n');
		}
		CsvResultReader reader = SlicedCsv.reader(csv.toString(), 100, 37);
		CnosRow row = new CnosRow(reader.columns(), reader, CnosConversions.createConversionService(), true);
		for (int i = 0; reader.next(); i++) {
			row.advance();
			assertThat(row.getString(0)).isEqualTo("server-" + (i % 1500));
			assertThat(row.getString("region")).isEqualTo("r" + (i % 7));
			assertThat(row.getRowNumber()).isEqualTo(i);
		}
	}

	private static CnosRow firstRow(String csv, boolean direct) {
		return row(csv, direct, 1);
	}

	private static CnosRow secondRow(String csv, boolean direct) {
		return row(csv, direct, 2);
	}

	private static CnosRow row(String csv, boolean direct, int number) {
		CsvResultReader reader = SlicedCsv.reader(csv, 16, 5);
		CnosRow row = new CnosRow(reader.columns(), reader, CnosConversions.createConversionService(), direct);
		for (int i = 0; i < number; i++) {
			assertThat(reader.next()).isTrue();
			row.advance();
		}
		return row;
	}

}
