package io.cnosdb.spring.sample;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.cnosdb.spring.testsupport.RecordedAnswers.recorded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read-only database views against a loopback server that answers as CnosDB does; the
 * requests they send are checked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SampleApplicationTests {

	@RegisterExtension
	static final FakeCnosDb cnosdb = new FakeCnosDb();

	@Value("${local.server.port}")
	private int port;

	@DynamicPropertySource
	static void cnosdbUrl(DynamicPropertyRegistry registry) {
		registry.add("cnosdb.url", cnosdb::url);
	}

	@Test
	void listsDatabasesAndQueriesTheLatestRows() {
		SampleApi app = new SampleApi(this.port);
		int mark = cnosdb.mark();
		cnosdb.onSql("SHOW DATABASES", recorded("sample-databases"));
		SampleApi.Answer databases = app.get("/api/databases");
		assertThat(databases.status()).isEqualTo(200);
		assertThat(databases.json().valueStream().map((node) -> node.asString()).toList())
			.containsExactly("cluster_schema", "fixture_db", "public", "usage_schema");
		assertThat(cnosdb.statementsSince(mark)).containsExactly("SHOW DATABASES");

		mark = cnosdb.mark();
		cnosdb.onSql("SELECT * FROM \"air\"", recorded("sample-latest-rows"));
		SampleApi.Answer rows = app.get("/api/databases/oceanic_station/tables/air/latest");
		assertThat(rows.status()).isEqualTo(200);
		// The station tag stays text ("007" is not the number 7); the time is an instant
		// in UTC.
		assertThat(rows.text())
			.isEqualTo("[{\"time\":\"2023-07-28T02:12:11Z\",\"station\":\"007\",\"visibility\":56.0}]");
		List<FakeCnosDb.Call> calls = cnosdb.callsSince(mark);
		assertThat(calls).allSatisfy((call) -> assertThat(call.database()).isEqualTo("oceanic_station"));
		assertThat(calls).extracting(FakeCnosDb.Call::body)
			.containsExactly("DESCRIBE TABLE \"air\"", "SELECT * FROM \"air\" ORDER BY time DESC LIMIT 10");
	}

	@Test
	void theLatestRowsAreJsonOfEachColumnsType() {
		// Recorded before and after a field "extra" was added to the table: DESCRIBE
		// TABLE does not list it.
		cnosdb.onSql("DESCRIBE TABLE \"meters\"", recorded("sample-describe-meters"));
		cnosdb.onSql("SELECT * FROM \"meters\"", recorded("sample-latest-meters"));
		SampleApi.Answer rows = new SampleApi(this.port).get("/api/databases/public/tables/meters/latest");
		assertThat(rows.status()).isEqualTo(200);
		// NaN and the infinities have no JSON number: they are strings. A column that
		// DESCRIBE TABLE did not
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
	void aTableNameWithASpaceIsLookedUpByTheServer() {
		// The name is quoted, not refused: CnosDB 2.4.2 looks "a b" up and answers
		// 030019.
		cnosdb.onSql("DESCRIBE TABLE", recorded("sample-describe-table-with-space"));
		SampleApi.Answer answer = new SampleApi(this.port).get("/api/databases/public/tables/a%20b/latest");
		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.detail()).isEqualTo("Table not found: \"cnosdb.public.a b\"");
	}

	@Test
	void unknownTableIsNotFound() {
		cnosdb.onSql("DESCRIBE TABLE \"nope\"", recorded("sample-describe-missing-table"));
		SampleApi.Answer answer = new SampleApi(this.port).get("/api/databases/public/tables/nope/latest");
		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.detail()).contains("Table not found");
	}

}
