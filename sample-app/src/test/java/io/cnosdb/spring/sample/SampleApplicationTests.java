package io.cnosdb.spring.sample;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read-only database views against a loopback server that answers as CnosDB does; the
 * requests they send are checked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SampleApplicationTests {

	private static final FakeCnosDb cnosdb = new FakeCnosDb();

	@Value("${local.server.port}")
	private int port;

	@DynamicPropertySource
	static void cnosdbUrl(DynamicPropertyRegistry registry) {
		registry.add("cnosdb.url", cnosdb::url);
	}

	@AfterAll
	static void stopServer() {
		cnosdb.close();
	}

	@Test
	void listsDatabasesAndQueriesTheLatestRows() {
		SampleApi app = new SampleApi(this.port);
		int mark = cnosdb.mark();
		SampleApi.Answer databases = app.get("/api/databases");
		assertThat(databases.status()).isEqualTo(200);
		assertThat(databases.json().valueStream().map((node) -> node.asString()).toList())
			.containsExactly("cluster_schema", "oceanic_station", "public", "usage_schema");
		assertThat(cnosdb.statementsSince(mark)).containsExactly("SHOW DATABASES");

		mark = cnosdb.mark();
		cnosdb.onSql("SELECT * FROM \"air\"", FakeCnosDb.csv("time,station,visibility\n2023-07-28T02:12:11.000000000,007,56.0\n"));
		SampleApi.Answer rows = app.get("/api/databases/oceanic_station/tables/air/latest");
		assertThat(rows.status()).isEqualTo(200);
		// The station tag stays text ("007" is not the number 7); the time is an instant in UTC.
		assertThat(rows.text())
			.isEqualTo("[{\"time\":\"2023-07-28T02:12:11Z\",\"station\":\"007\",\"visibility\":56.0}]");
		List<FakeCnosDb.Call> calls = cnosdb.callsSince(mark);
		assertThat(calls).allSatisfy((call) -> assertThat(call.database()).isEqualTo("oceanic_station"));
		assertThat(calls).extracting(FakeCnosDb.Call::body)
			.containsExactly("DESCRIBE TABLE \"air\"", "SELECT * FROM \"air\" ORDER BY time DESC LIMIT 10");
	}

	@Test
	void theLatestRowsAreJsonOfEachColumnsType() {
		cnosdb.onSql("DESCRIBE TABLE \"meters\"", FakeCnosDb.csv("""
				column_name,data_type,column_type,compression_codec
				time,TIMESTAMP(MILLISECOND),TIME,DEFAULT
				host,STRING,TAG,DEFAULT
				count,BIGINT,FIELD,DELTA
				total,BIGINT UNSIGNED,FIELD,DELTA
				ratio,DOUBLE,FIELD,GORILLA
				ok,BOOLEAN,FIELD,BITPACK
				note,STRING,FIELD,DEFAULT
				"""));
		cnosdb.onSql("SELECT * FROM \"meters\"", FakeCnosDb.csv("""
				time,host,count,total,ratio,ok,note,extra
				2024-05-01T08:00:00.123000000,h1,-42,18446744073709551615,0.25,true,"a, b",x
				2024-05-01T07:59:00.000000000,h2,9223372036854775807,7,NaN,false,,
				2024-05-01T07:58:00.000000000,,,,inf,,,
				2024-05-01T07:57:00.000000000,h3,0,0,-inf,false,1.5,
				"""));
		SampleApi.Answer rows = new SampleApi(this.port).get("/api/databases/public/tables/meters/latest");
		assertThat(rows.status()).isEqualTo(200);
		// NaN and the infinities have no JSON number: they are strings. A column that DESCRIBE TABLE did not
		// list stays text.
		assertThat(rows.text()).isEqualTo("["
				+ "{\"time\":\"2024-05-01T08:00:00.123Z\",\"host\":\"h1\",\"count\":-42,\"total\":18446744073709551615,"
				+ "\"ratio\":0.25,\"ok\":true,\"note\":\"a, b\",\"extra\":\"x\"},"
				+ "{\"time\":\"2024-05-01T07:59:00Z\",\"host\":\"h2\",\"count\":9223372036854775807,\"total\":7,"
				+ "\"ratio\":\"NaN\",\"ok\":false,\"note\":null,\"extra\":null},"
				+ "{\"time\":\"2024-05-01T07:58:00Z\",\"host\":null,\"count\":null,\"total\":null,"
				+ "\"ratio\":\"Infinity\",\"ok\":null,\"note\":null,\"extra\":null},"
				+ "{\"time\":\"2024-05-01T07:57:00Z\",\"host\":\"h3\",\"count\":0,\"total\":0,"
				+ "\"ratio\":\"-Infinity\",\"ok\":false,\"note\":\"1.5\",\"extra\":null}]");
		assertThat(rows.json().get(0).path("total").isBigInteger()).isTrue();
		assertThat(rows.json().get(1).path("count").isNumber()).isTrue();
	}

	@Test
	void aTableNameCnosDbRefusesIsTheCallersBadRequest() {
		cnosdb.onSql("DESCRIBE TABLE", FakeCnosDb.error("010001", "Datafusion: Error during planning: invalid identifier"));
		SampleApi.Answer answer = new SampleApi(this.port).get("/api/databases/public/tables/a%20b/latest");
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.detail()).isEqualTo("CnosDB refused the statement: Datafusion: Error during planning: "
				+ "invalid identifier");
	}

	@Test
	void unknownTableIsNotFound() {
		cnosdb.onSql("DESCRIBE TABLE \"nope\"",
				FakeCnosDb.error("030019", "Table not found: \"cnosdb.public.nope\""));
		SampleApi.Answer answer = new SampleApi(this.port).get("/api/databases/public/tables/nope/latest");
		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.detail()).contains("Table not found");
	}

}
