package io.cnosdb.spring.sample;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.cnosdb.spring.testsupport.RecordedAnswers.handWritten;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * CnosDB does not answer at startup: the application starts anyway, the schema script is
 * run again by the first request that finds CnosDB, and again by the next one when that
 * fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LazySchemaTests {

	private static final FakeCnosDb cnosdb = new FakeCnosDb().onSql("CREATE DATABASE", handWritten("proxy-unavailable"))
		.onSql("SHOW DATABASES", handWritten("proxy-unavailable"));

	private static final String CREATE_DATABASE = "CREATE DATABASE IF NOT EXISTS \"oceanic_station\" WITH TTL '30d'";

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
	void createsTheSchemaOnFirstUseAndRetriesAfterAFailure() {
		// The script stopped at its first statement, as CnosDB was unavailable.
		assertThat(cnosdb.statementsSince(0)).containsExactly(CREATE_DATABASE, "SHOW DATABASES");
		SampleApi app = new SampleApi(this.port);

		int mark = cnosdb.mark();
		cnosdb.onSql("CREATE DATABASE", handWritten("proxy-unavailable"));
		SampleApi.Answer failed = app.get("/api/stations");
		assertThat(failed.status()).isEqualTo(503);
		assertThat(failed.json().path("title").asString()).isEqualTo("CnosDB unavailable");
		assertThat(cnosdb.statementsSince(mark)).singleElement().asString().startsWith("CREATE DATABASE");

		mark = cnosdb.mark();
		assertThat(app.get("/api/stations").status()).isEqualTo(200);
		assertThat(cnosdb.statementsSince(mark)).containsExactly(CREATE_DATABASE,
				"CREATE TABLE IF NOT EXISTS air (\n    visibility DOUBLE,\n    temperature DOUBLE,\n"
						+ "    pressure DOUBLE,\n    TAGS(station)\n)",
				"SELECT DISTINCT station FROM air ORDER BY station");

		mark = cnosdb.mark();
		assertThat(app.get("/api/stations").status()).isEqualTo(200);
		assertThat(cnosdb.statementsSince(mark)).containsExactly("SELECT DISTINCT station FROM air ORDER BY station");
	}

}
