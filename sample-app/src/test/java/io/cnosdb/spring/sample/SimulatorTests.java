package io.cnosdb.spring.sample;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code simulator} profile streams readings of every configured station through the
 * batching writer, whose meters appear under {@code /actuator/metrics}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "sample.simulator.interval=100ms", "cnosdb.write.batch.flush-interval=200ms" })
@ActiveProfiles("simulator")
class SimulatorTests {

	@RegisterExtension
	static final FakeCnosDb cnosdb = new FakeCnosDb();

	@Value("${local.server.port}")
	private int port;

	@DynamicPropertySource
	static void cnosdbUrl(DynamicPropertyRegistry registry) {
		registry.add("cnosdb.url", cnosdb::url);
	}

	@Test
	void streamsReadingsOfEveryStationInBatches() {
		await().atMost(Duration.ofSeconds(10)).until(() -> cnosdb.writesSince(0).size() >= 2);
		List<String> lines = cnosdb.writesSince(0).stream().flatMap((write) -> write.body().lines()).toList();
		assertThat(lines).allMatch((line) -> line.matches(
				"air,station=(XiaoMaiDao|LianYunGang|DaLian) visibility=[0-9.]+,temperature=-?[0-9.]+,pressure=[0-9.]+ [0-9]{19}"));
		assertThat(lines).anyMatch((line) -> line.startsWith("air,station=DaLian "));
		assertThat(cnosdb.writesSince(0)).allMatch((write) -> write.database().equals("oceanic_station"));
		// A batch holds the readings of several ticks.
		assertThat(lines.size()).isGreaterThan(cnosdb.writesSince(0).size() * 3);

		SampleApi.Answer batches = new SampleApi(this.port).get("/actuator/metrics/cnosdb.writer.batches");
		assertThat(batches.status()).isEqualTo(200);
		assertThat(batches.json().at("/measurements/0/value").asDouble()).isPositive();
	}

}
