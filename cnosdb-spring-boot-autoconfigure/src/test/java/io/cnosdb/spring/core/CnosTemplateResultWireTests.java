package io.cnosdb.spring.core;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.cnosdb.spring.testsupport.MockCnosDb;

import static io.cnosdb.spring.testsupport.RecordedAnswers.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Reading CSV answers recorded from CnosDB: the golden examples, RFC 4180 quoting as the
 * server writes it, and values kept exactly as sent.
 */
class CnosTemplateResultWireTests {

	@RegisterExtension
	final MockCnosDb db = new MockCnosDb();

	private final CnosTemplate template = this.db.template();

	@Test
	void selectOneGoldenExample() {
		this.db.enqueue(recorded("select-1"), recorded("select-1"));
		assertThat(this.template.queryForObject("select 1;", Long.class)).isEqualTo(1L);
		assertThat(this.template.queryForList("select 1;")).containsExactly(Map.of("Int64(1)", "1"));
	}

	@Test
	void createInsertSelectGoldenExample() {
		this.db.enqueue(recorded("golden-create-table"), recorded("golden-insert"), recorded("golden-select"));
		this.template.execute("create table test(f1 bigint, tags(t1));");
		this.template.execute("insert into test(time,t1,f1)values(now(),'t11',1);");
		assertThat(this.template.queryForList("select t1,f1 from test;")).containsExactly(row("t1", "t11", "f1", "1"));
		assertThat(this.db.takeBody()).isEqualTo("create table test(f1 bigint, tags(t1));");
		assertThat(this.db.takeBody()).isEqualTo("insert into test(time,t1,f1)values(now(),'t11',1);");
		assertThat(this.db.takeBody()).isEqualTo("select t1,f1 from test;");
	}

	@Test
	void mergedFieldsGoldenExampleKeepsColumnOrderAndNanoseconds() {
		this.db.enqueue(recorded("merged-fields"));
		List<Map<String, Object>> rows = this.template.queryForList("select * from ma");
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0)).containsExactly(entry("time", "2023-07-28T02:12:11.000000000"), entry("ta", "a1"),
				entry("fa", "1.0"), entry("fb", "2.0"));
	}

	@Test
	void arrowFormatterGoldenExample() {
		this.db.enqueue(recorded("three-by-three"));
		List<int[]> rows = this.template.query("select a, b, c from t", (row,
				rowNumber) -> new int[] { (int) row.getLong("a"), (int) row.getLong("b"), (int) row.getLong("c") });
		assertThat(rows).containsExactly(new int[] { 1, 4, 7 }, new int[] { 2, 5, 8 }, new int[] { 3, 6, 9 });
	}

	@Test
	void explainPlanWithQuotedMultiLineFieldIsOneValue() {
		String logical = "Projection: m0.time\n  Filter: m0.f0 >= Utf8(\"1997-01-31\")\n"
				+ "    TableScan: m0 projection=[time, f0], partial_filters=[m0.f0 >= Utf8(\"1997-01-31\")]";
		String physical = "ProjectionExec: expr=[time@0 as time]\n  CoalesceBatchesExec: target_batch_size=8192\n"
				+ "    FilterExec: f0@1 >= 1997-01-31\n      EmptyExec: produce_one_row=false\n";
		this.db.enqueue(recorded("explain"));
		List<Map<String, Object>> rows = this.template
			.queryForList("explain select time from m0 where f0 >= '1997-01-31'");
		assertThat(rows).containsExactly(row("plan_type", "logical_plan", "plan", logical),
				row("plan_type", "physical_plan", "plan", physical));
	}

	@Test
	void quotedFieldsWithCommasQuotesAndLineBreaksAreUnquoted() {
		this.db.enqueue(recorded("quoted-values"));
		List<Map<String, Object>> rows = this.template.queryForList("select a, b, c from t");
		assertThat(rows).containsExactly(row("a", "x,y", "b", "say \"hi\"", "c", "line1\r\nline2"),
				row("a", "plain", "b", null, "c", "\""));
	}

	@Test
	void duplicateColumnNamesAreKeptInOrder() {
		this.db.enqueue(recorded("duplicate-column-names"), recorded("duplicate-column-names"));
		String sql = "select * from a join b on a.v = b.v";
		Map<String, Object> first = this.template.queryForList(sql).get(0);
		assertThat(first).containsExactly(entry("time", "2024-01-01T00:00:00.000000000"), entry("station", "s1"),
				entry("day_temperature", "20.5"), entry("v", "1"), entry("time_2", "2024-01-02T00:00:00.000000000"),
				entry("station_2", "s2"), entry("day_speed", "3.0"), entry("v_2", "1"));
		List<List<String>> byIndex = this.template.query(sql, (row, rowNumber) -> {
			assertThat(row.getColumnNames()).containsExactly("time", "station", "day_temperature", "v", "time",
					"station", "day_speed", "v");
			return Arrays.asList(row.getString(0), row.getString(4), row.getString("station"), row.getString(5));
		});
		assertThat(byIndex)
			.containsExactly(List.of("2024-01-01T00:00:00.000000000", "2024-01-02T00:00:00.000000000", "s1", "s2"));
	}

	@Test
	void singleEmptyFieldRecordIsOneNullRow() {
		this.db.enqueue(recorded("null-strings"));
		List<Map<String, Object>> rows = this.template.queryForList("select name from t");
		assertThat(rows).containsExactly(row("name", null), row("name", "x"), row("name", null));
	}

	@Test
	void nanAndInfinityAreDoubles() {
		this.db.enqueue(recorded("nan-and-infinities"));
		assertThat(this.template.queryForList("select v from t", Double.class)).containsExactly(Double.NaN,
				Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 80.0, 66.94915254237289);
	}

	@Test
	void largestUnsignedValueIsKeptAsBigInteger() {
		this.db.enqueue(recorded("largest-unsigned"), recorded("largest-unsigned"));
		assertThat(this.template.queryForObject("select u from t", BigInteger.class))
			.isEqualTo(new BigInteger("18446744073709551615"));
		assertThat(this.template.queryForList("select u from t")).containsExactly(row("u", "18446744073709551615"));
	}

	@Test
	void nineDigitTimestampsKeepEveryNanosecond() {
		this.db.enqueue(recorded("nanosecond-times"));
		assertThat(this.template.queryForList("select time from t", Instant.class))
			.containsExactly(Instant.ofEpochSecond(0, 1), Instant.parse("2023-07-28T02:12:11.123456789Z"));
	}

	@Test
	void stringTagWithLeadingZerosStaysAString() {
		this.db.enqueue(recorded("tag-with-leading-zeros"), recorded("tag-with-leading-zeros-alone"));
		assertThat(this.template.queryForList("select station, v from t"))
			.containsExactly(row("station", "007", "v", "1.0"));
		assertThat(this.template.queryForObject("select station from t", String.class)).isEqualTo("007");
	}

	@Test
	void emptyBodyOfDdlHasNoColumnsAndNoRows() {
		this.db.enqueue(recorded("create-database-x"), recorded("drop-database-x"));
		assertThat(this.template.queryForList("create database x")).isEmpty();
		assertThat(this.template.query("drop database x", (row, rowNumber) -> row)).isEmpty();
	}

	@Test
	void headerOnlyCsvIsZeroRows() {
		this.db.enqueue(recorded("show-tables-empty"), recorded("no-rows"));
		assertThat(this.template.listTables()).isEmpty();
		assertThat(this.template.queryForList("select time, station from air where false")).isEmpty();
	}

	@Test
	void nonAsciiValuesAreReadAsUtf8() {
		this.db.enqueue(recorded("non-ascii"));
		assertThat(this.template.queryForList("select station from t", String.class)).containsExactly("北京", "Zürich");
	}

	@Test
	void valuesAreNotTrimmedOrTreatedAsComments() {
		this.db.enqueue(recorded("untrimmed-values"));
		List<Map<String, Object>> rows = this.template.queryForList("select * from t");
		assertThat(rows).containsExactly(row("#tag", "#hashtag", "v", " padded "), row("#tag", "null", "v", "NULL"));
	}

	@Test
	void largeQuotedValueIsReadWhole() {
		String big = "x,\"y\"\n".repeat(50_000);
		this.db.enqueue(recorded("large-quoted-value"));
		assertThat(this.template.queryForObject("select s from t", String.class)).isEqualTo(big);
	}

	private static Map<String, Object> row(Object... keysAndValues) {
		Map<String, Object> row = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			row.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return row;
	}

}
