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
 * CnosDB does not answer at startup: the schema is created by the first request that
 * finds it, and tried again by the next one when that fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LazySchemaTests {

	private static final FakeCnosDb cnosdb = new FakeCnosDb().onSql("SHOW DATABASES", handWritten("proxy-unavailable"));

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
		assertThat(cnosdb.statementsSince(0)).containsExactly("SHOW DATABASES");
		SampleApi app = new SampleApi(this.port);

		int mark = cnosdb.mark();
		cnosdb.onSql("CREATE DATABASE", handWritten("proxy-unavailable"));
		SampleApi.Answer failed = app.get("/api/stations");
		assertThat(failed.status()).isEqualTo(503);
		assertThat(failed.json().path("title").asString()).isEqualTo("CnosDB unavailable");
		assertThat(cnosdb.statementsSince(mark)).singleElement().asString().startsWith("CREATE DATABASE");

		mark = cnosdb.mark();
		assertThat(app.get("/api/stations").status()).isEqualTo(200);
		assertThat(cnosdb.statementsSince(mark)).containsExactly(
				"CREATE DATABASE IF NOT EXISTS \"oceanic_station\" WITH TTL '30d'",
				"CREATE TABLE IF NOT EXISTS \"air\" (\"visibility\" DOUBLE, \"temperature\" DOUBLE, \"pressure\" DOUBLE, "
						+ "TAGS(\"station\"))",
				"SELECT DISTINCT station FROM air ORDER BY station");

		mark = cnosdb.mark();
		assertThat(app.get("/api/stations").status()).isEqualTo(200);
		assertThat(cnosdb.statementsSince(mark)).containsExactly("SELECT DISTINCT station FROM air ORDER BY station");
	}

}
