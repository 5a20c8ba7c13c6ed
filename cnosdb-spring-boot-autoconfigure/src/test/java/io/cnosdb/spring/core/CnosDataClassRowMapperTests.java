package io.cnosdb.spring.core;

import io.cnosdb.spring.core.result.CnosConversions;
import io.cnosdb.spring.core.result.CnosRow;
import io.cnosdb.spring.core.result.CsvResultReader;
import io.cnosdb.spring.testsupport.SlicedCsv;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.beans.BeanInstantiationException;
import org.springframework.beans.BeanUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The data-class mapper builds records from rows, and a constructor that fails is
 * reported as {@link BeanUtils#instantiateClass} reports it.
 */
class CnosDataClassRowMapperTests {

	private static final String CSV = "time,host,usage_user,count\n2023-07-28T02:12:11.123456789,server-01,4.5,7\n"
			+ "2023-07-28T02:12:21.000000000,server-02,-1,8\n";

	@Test
	void mapsEachRowToARecordByColumnName() {
		CnosRow row = firstRow();
		assertThat(new CnosDataClassRowMapper<>(Sample.class).mapRow(row, 0))
			.isEqualTo(new Sample(Instant.parse("2023-07-28T02:12:11.123456789Z"), "server-01", 4.5, 7));
	}

	@Test
	void constructorFailureIsReportedAsBeanUtilsReportsIt() {
		CsvResultReader reader = SlicedCsv.reader(CSV, 64, 64);
		CnosRow row = new CnosRow(reader.columns(), reader, CnosConversions.createConversionService(), true);
		reader.next();
		reader.next();
		row.advance();
		row.advance();
		BeanInstantiationException expected = null;
		try {
			BeanUtils.instantiateClass(Sample.class.getDeclaredConstructors()[0], Instant.EPOCH, "x", -1.0, 8L);
		}
		catch (BeanInstantiationException ex) {
			expected = ex;
		}
		assertThat(expected).isNotNull();
		String message = expected.getMessage();
		assertThatExceptionOfType(BeanInstantiationException.class)
			.isThrownBy(() -> new CnosDataClassRowMapper<>(Sample.class).mapRow(row, 1))
			.withMessage(message)
			.withCauseInstanceOf(IllegalArgumentException.class);
	}

	private static CnosRow firstRow() {
		CsvResultReader reader = SlicedCsv.reader(CSV, 64, 64);
		CnosRow row = new CnosRow(reader.columns(), reader, CnosConversions.createConversionService(), true);
		reader.next();
		row.advance();
		return row;
	}

	record Sample(Instant time, String host, double usageUser, long count) {

		Sample {
			if (usageUser < 0) {
				throw new IllegalArgumentException("usage must not be negative");
			}
		}

	}

}
