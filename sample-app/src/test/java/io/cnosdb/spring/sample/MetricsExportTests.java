package io.cnosdb.spring.sample;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample's own meters go into CnosDB, as its {@code application.yml} configures: the
 * database {@code sample_metrics} is created at startup, and every step a write into it
 * carries the JVM's meters and those of the requests the sample served. The step is
 * shortened to a second here, and the context closed after the class, so that it pushes
 * nothing while other tests run.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.cnosdb.metrics.export.enabled=true", "management.cnosdb.metrics.export.step=1s" })
class MetricsExportTests {

	@RegisterExtension
	static final FakeCnosDb cnosdb = new FakeCnosDb();

	@Value("${local.server.port}")
	private int port;

	@DynamicPropertySource
	static void cnosdbUrl(DynamicPropertyRegistry registry) {
		registry.add("cnosdb.url", cnosdb::url);
	}

	@Test
	void theSamplesMetersArePushedIntoItsMetricsDatabase() {
		assertThat(cnosdb.callsSince(0)).filteredOn((call) -> !call.write() && call.body().contains("sample_metrics"))
			.singleElement()
			.satisfies((call) -> {
				assertThat(call.write()).isFalse();
				assertThat(call.body()).isEqualTo("CREATE DATABASE IF NOT EXISTS \"sample_metrics\"");
			});

		assertThat(new SampleApi(this.port).get("/api/stations").status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(15))
			.until(() -> lines().stream()
				.anyMatch((line) -> line.startsWith("http_server_requests,") && line.contains("uri=/api/stations")));

		List<FakeCnosDb.Call> pushes = pushes();
		assertThat(pushes).allSatisfy((push) -> assertThat(push.precision()).isEqualTo("ns"));
		assertThat(lines()).anyMatch(
				(line) -> line.matches("jvm_memory_used,area=heap,id=.+,metric_type=gauge value=[0-9.E]+ [0-9]{19}"))
			.anyMatch((line) -> line.matches("http_server_requests,.*metric_type=histogram "
					+ "sum=[0-9.E-]+,count=[0-9.]+,mean=[0-9.E-]+,upper=[0-9.E-]+ [0-9]{19}"));
		// The client's own observations of the statements the sample ran (its SHOW
		// DATABASES at startup, the query behind /api/stations) are timers too.
		assertThat(lines()).anyMatch((line) -> line.startsWith("cnosdb_client_operations,")
				&& line.contains("db_operation_name=SELECT") && line.contains("db_system_name=cnosdb"));
	}

	private static List<FakeCnosDb.Call> pushes() {
		return cnosdb.writesSince(0).stream().filter((write) -> "sample_metrics".equals(write.database())).toList();
	}

	private static List<String> lines() {
		return pushes().stream().flatMap((push) -> push.body().lines()).toList();
	}

}
