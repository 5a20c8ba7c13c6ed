package io.cnosdb.spring.sample;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.cnosdb.spring.testsupport.CnosDbServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole flow against a real CnosDB (the server named by {@code CNOSDB_URL}, or the
 * {@code cnosdb/cnosdb} image where Docker answers): schema at startup, JSON and CSV
 * writes, queries, stations, the summary, a bad CSV row, and the health entry. Skipped,
 * with the reason on the console, with neither. The sample's database gets a name of its
 * own, so a shared server keeps its data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RealCnosDbTests {

	@RegisterExtension
	static final CnosDbServer cnosdb = new CnosDbServer();

	private static final String DATABASE = CnosDbServer.uniqueName("sample");

	@AfterAll
	static void dropDatabase() {
		cnosdb.template().dropDatabaseIfExists(DATABASE);
	}

	@DynamicPropertySource
	static void cnosDbProperties(DynamicPropertyRegistry registry) {
		registry.add("cnosdb.url", cnosdb::url);
		registry.add("cnosdb.user", cnosdb::user);
		registry.add("cnosdb.password", cnosdb::password);
		registry.add("cnosdb.database", () -> DATABASE);
		registry.add("spring.docker.compose.enabled", () -> "false");
	}

	@Value("${local.server.port}")
	private int port;

	@Test
	void writesQueriesSummarizesAndImports() {
		SampleApi app = new SampleApi(this.port);
		Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
		SampleApi.Answer written = app.postJson("/api/readings", """
				[{"time": "%s", "station": "XiaoMaiDao", "visibility": 56.0, "temperature": 20.0, "pressure": 1010.0},
				 {"time": "%s", "station": "XiaoMaiDao", "temperature": 22.0},
				 {"time": "%s", "station": "LianYunGang", "temperature": 18.5}]""".formatted(hour, hour.plusSeconds(60),
				hour));
		assertThat(written.status()).isEqualTo(201);

		SampleApi.Answer imported = app.upload("/api/readings/csv", "air.csv",
				"time,station,temperature\n" + hour.plusSeconds(120) + ",DaLian,15.25\n");
		assertThat(imported.status()).isEqualTo(200);
		assertThat(imported.json().path("rowsWritten").asLong()).isEqualTo(1);

		SampleApi.Answer readings = app.get("/api/readings?station=XiaoMaiDao&from=" + hour.minusSeconds(1));
		assertThat(readings.status()).isEqualTo(200);
		assertThat(readings.json()).hasSize(2);
		assertThat(readings.json().get(0).path("time").asString()).isEqualTo(hour.toString());
		assertThat(readings.json().get(1).path("temperature").asDouble()).isEqualTo(22.0);

		assertThat(app.get("/api/stations").text()).isEqualTo("[\"DaLian\",\"LianYunGang\",\"XiaoMaiDao\"]");

		SampleApi.Answer summary = app.get("/api/readings/summary?station=XiaoMaiDao&bucket=1 hour");
		assertThat(summary.status()).isEqualTo(200);
		assertThat(summary.json()).hasSize(1);
		assertThat(summary.json().get(0).path("minValue").asDouble()).isEqualTo(20.0);
		assertThat(summary.json().get(0).path("avgValue").asDouble()).isEqualTo(21.0);
		assertThat(summary.json().get(0).path("maxValue").asDouble()).isEqualTo(22.0);

		SampleApi.Answer badRow = app.upload("/api/readings/csv", "bad.csv",
				"time,station,temperature\nsoon,DaLian,1\n");
		assertThat(badRow.status()).isEqualTo(400);
		assertThat(badRow.json().path("rowsWritten").asLong()).isZero();

		SampleApi.Answer health = app.get("/actuator/health");
		assertThat(health.json().at("/components/cnosdb/status").asString()).isEqualTo("UP");
	}

}
