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
		assertThat(rows.text())
			.isEqualTo("[{\"time\":\"2023-07-28T02:12:11.000000000\",\"station\":\"007\",\"visibility\":\"56.0\"}]");
		List<FakeCnosDb.Call> calls = cnosdb.callsSince(mark);
		assertThat(calls).singleElement().satisfies((query) -> {
			assertThat(query.database()).isEqualTo("oceanic_station");
			assertThat(query.body()).isEqualTo("SELECT * FROM \"air\" ORDER BY time DESC LIMIT 10");
		});
	}

	@Test
	void unknownTableIsNotFound() {
		cnosdb.onSql("SELECT * FROM \"nope\"",
				FakeCnosDb.error("030019", "Table not found: \"cnosdb.public.nope\""));
		SampleApi.Answer answer = new SampleApi(this.port).get("/api/databases/public/tables/nope/latest");
		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.detail()).contains("Table not found");
	}

}
