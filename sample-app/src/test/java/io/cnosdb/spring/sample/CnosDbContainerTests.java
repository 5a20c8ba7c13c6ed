package io.cnosdb.spring.sample;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.cnosdb.spring.testcontainers.CnosDbContainer;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole flow against the real {@code cnosdb/cnosdb:community-latest} image: schema at
 * startup, JSON and CSV writes, queries, stations, the summary, a bucket the server refuses,
 * and the health entry. Skipped where Docker is not available.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Testcontainers(disabledWithoutDocker = true)
class CnosDbContainerTests {

	@Container
	@ServiceConnection
	static CnosDbContainer cnosdb = new CnosDbContainer();

	@Value("${local.server.port}")
	private int port;

	@Test
	void writesQueriesSummarizesAndImports() {
		SampleApi app = new SampleApi(this.port);
		Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
		SampleApi.Answer written = app.postJson("/api/readings", """
				[{"time": "%s", "station": "XiaoMaiDao", "visibility": 56.0, "temperature": 20.0, "pressure": 1010.0},
				 {"time": "%s", "station": "XiaoMaiDao", "temperature": 22.0},
				 {"time": "%s", "station": "LianYunGang", "temperature": 18.5}]"""
			.formatted(hour, hour.plusSeconds(60), hour));
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

		SampleApi.Answer badRow = app.upload("/api/readings/csv", "bad.csv", "time,station,temperature\nsoon,DaLian,1\n");
		assertThat(badRow.status()).isEqualTo(400);
		assertThat(badRow.json().path("rowsWritten").asLong()).isZero();

		SampleApi.Answer health = app.get("/actuator/health");
		assertThat(health.json().at("/components/cnosdb/status").asString()).isEqualTo("UP");
	}

}
