package io.cnosdb.spring.metrics;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MockClock;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.core.write.CnosPrecision;
import io.cnosdb.spring.testsupport.MockCnosDb;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static io.cnosdb.spring.testsupport.RecordedAnswers.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Pushes of a {@link CnosDbMeterRegistry} to a loopback server that answers as CnosDB
 * answered: the exact requests (endpoint, database, tenant, precision, credentials,
 * lines), the database created first, batches, and failures that are counted, logged once
 * per outage and never thrown, with the next step still pushed.
 */
@ExtendWith(OutputCaptureExtension.class)
class CnosDbMeterRegistryWireTests {

	private static final Duration STEP = Duration.ofMinutes(1);

	private static final String WARNING = "Could not push metrics to CnosDB";

	@RegisterExtension
	final MockCnosDb db = new MockCnosDb();

	private final MockClock clock = new MockClock();

	private CnosDbMeterRegistry registry;

	@AfterEach
	void closeRegistry() {
		if (this.registry != null) {
			this.registry.close();
		}
	}

	@Test
	void aPushIsOneWriteOfEveryMeterIntoTheDatabaseInTheWritePrecision() {
		this.db.enqueue(recorded("write"));
		CnosDbMeterRegistry registry = registry(this.db.template(), Map.of("autoCreateDb", "false"));
		Counter.builder("readings.written").tag("station", "XiaoMaiDao").register(registry).increment(2);
		Gauge.builder("buffer.size", () -> 3).register(registry);
		this.clock.add(STEP);
		registry.publish();

		RecordedRequest request = this.db.takeRequest();
		assertThat(request.getRequestLine())
			.isEqualTo("POST /api/v1/write?db=metrics&tenant=cnosdb&precision=ns HTTP/1.1");
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Basic cm9vdDo=");
		assertThat(request.getBody().utf8().lines()).containsExactlyInAnyOrder(
				"readings_written,station=XiaoMaiDao,metric_type=counter value=2.0 60001000000",
				"buffer_size,metric_type=gauge value=3.0 60001000000",
				"cnosdb_metrics_export_failures,metric_type=counter value=0.0 60001000000");
		assertThat(this.db.requestCount()).isOne();
	}

	@Test
	void timestampsAreInTheTemplatesWritePrecisionAndTheTenantIsTheTemplates() {
		this.db.enqueue(recorded("write"));
		CnosTemplate template = this.db.builder().writePrecision(CnosPrecision.MS).tenant("acme").build();
		CnosDbMeterRegistry registry = registry(template, Map.of("autoCreateDb", "false", "database", "app_metrics"));
		Gauge.builder("buffer.size", () -> 3).register(registry);
		this.clock.add(STEP);
		registry.publish();

		RecordedRequest request = this.db.takeRequest();
		assertThat(request.getRequestLine())
			.isEqualTo("POST /api/v1/write?db=app_metrics&tenant=acme&precision=ms HTTP/1.1");
		assertThat(request.getBody().utf8().lines()).contains("buffer_size,metric_type=gauge value=3.0 60001");
	}

	@Test
	void theDatabaseIsCreatedBeforeTheFirstPushAndOnlyOnce() {
		this.db.enqueue(recorded("create-database"), recorded("write"), recorded("write"));
		CnosDbMeterRegistry registry = registry(this.db.template(), Map.of());
		Gauge.builder("buffer.size", () -> 3).register(registry);
		this.clock.add(STEP);
		registry.publish();
		this.clock.add(STEP);
		registry.publish();

		RecordedRequest create = this.db.takeRequest();
		assertThat(create.getRequestLine())
			.isEqualTo("POST /api/v1/sql?db=metrics&tenant=cnosdb&chunked=true HTTP/1.1");
		assertThat(create.getBody().utf8()).isEqualTo("CREATE DATABASE IF NOT EXISTS \"metrics\"");
		assertThat(this.db.takeRequest().getUrl().encodedPath()).isEqualTo("/api/v1/write");
		assertThat(this.db.takeRequest().getUrl().encodedPath()).isEqualTo("/api/v1/write");
		assertThat(this.db.requestCount()).isEqualTo(3);
	}

	@Test
	void theDatabaseNameIsQuotedInTheStatement() {
		this.db.enqueue(recorded("create-database"));
		CnosDbMeterRegistry registry = registry(this.db.template(),
				Map.of("database", "app\" metrics; DROP DATABASE public"));
		registry.createDatabaseIfMissing();
		assertThat(this.db.takeBody())
			.isEqualTo("CREATE DATABASE IF NOT EXISTS \"app\"\" metrics; DROP DATABASE public\"");
	}

	@Test
	void aDatabaseFoundMissingOnWriteIsCreatedAgainBeforeTheNextPush() {
		this.db.enqueue(recorded("create-database"), recorded("database-not-found-on-write"),
				recorded("create-database"), recorded("write"));
		CnosDbMeterRegistry registry = registry(this.db.template(), Map.of());
		Gauge.builder("buffer.size", () -> 3).register(registry);
		registry.createDatabaseIfMissing();
		this.clock.add(STEP);
		registry.publish();
		this.clock.add(STEP);
		registry.publish();

		assertThat(List.of(this.db.takeRequest(), this.db.takeRequest(), this.db.takeRequest(), this.db.takeRequest()))
			.extracting((request) -> request.getUrl().encodedPath())
			.containsExactly("/api/v1/sql", "/api/v1/write", "/api/v1/sql", "/api/v1/write");
	}

	@Test
	void meterOfMoreThanABatchGoInSeveralRequests() {
		this.db.enqueue(recorded("write"), recorded("write"));
		CnosDbMeterRegistry registry = registry(this.db.template(), Map.of("autoCreateDb", "false", "batchSize", "2"));
		Gauge.builder("a", () -> 1).register(registry);
		Gauge.builder("b", () -> 2).register(registry);
		Gauge.builder("c", () -> 3).register(registry);
		this.clock.add(STEP);
		registry.publish();

		// Three gauges and the failures counter.
		List<String> first = this.db.takeBody().lines().toList();
		List<String> second = this.db.takeBody().lines().toList();
		assertThat(first).hasSize(2);
		assertThat(second).hasSize(2);
		assertThat(this.db.requestCount()).isEqualTo(2);
	}

	@Test
	void aMeterThatCannotBeWrittenIsLeftOutAndLoggedOnce(CapturedOutput output) {
		this.db.enqueue(recorded("write"), recorded("write"));
		CnosDbMeterRegistry registry = registry(this.db.template(), Map.of("autoCreateDb", "false"));
		Gauge.builder("api/latency", () -> 1).register(registry);
		Gauge.builder("buffer.size", () -> 3).register(registry);
		this.clock.add(STEP);
		registry.publish();
		this.clock.add(STEP);
		registry.publish();

		assertThat(this.db.takeBody()).contains("buffer_size").doesNotContain("latency");
		assertThat(this.db.takeBody()).contains("buffer_size").doesNotContain("latency");
		assertThat(output.getOut()).containsOnlyOnce("Meter 'api/latency' is left out of the metrics pushed to CnosDB");
	}

	@Test
	void aServerThatDropsTheConnectionIsCountedLoggedOnceAndTheNextStepIsStillPushed(CapturedOutput output) {
		MockResponse dropped = new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build();
		this.db.enqueue(dropped, dropped, recorded("write"));
		CnosDbMeterRegistry registry = registry(this.db.template(), Map.of("autoCreateDb", "false"));
		Counter readings = Counter.builder("readings.written").register(registry);

		readings.increment(1);
		this.clock.add(STEP);
		assertThatNoException().isThrownBy(registry::publish);
		readings.increment(2);
		this.clock.add(STEP);
		assertThatNoException().isThrownBy(registry::publish);
		readings.increment(4);
		this.clock.add(STEP);
		registry.publish();

		assertThat(this.db.requestCount()).isEqualTo(3);
		this.db.takeRequest();
		this.db.takeRequest();
		// The third step's count, and the failure of the second step's push.
		assertThat(this.db.takeBody().lines()).contains("readings_written,metric_type=counter value=4.0 180001000000",
				"cnosdb_metrics_export_failures,metric_type=counter value=1.0 180001000000");
		assertThat(output.getOut()).containsOnlyOnce(WARNING)
			.contains("Pushing metrics to CnosDB works again, after 2 failure(s)");
		assertThat(output.getAll()).doesNotContain("\tat ");
	}

	@Test
	void anUnreachableServerIsCountedAndLoggedOnceWithoutCredentials(CapturedOutput output) throws IOException {
		String url = "http://127.0.0.1:" + closedPort();
		CnosTemplate unreachable = CnosTemplate.builder().url(url).credentials("root", "s3cret-pw").build();
		try {
			CnosDbMeterRegistry registry = registry(unreachable, Map.of());
			Gauge.builder("buffer.size", () -> 3).register(registry);
			registry.createDatabaseIfMissing();
			for (int step = 0; step < 3; step++) {
				this.clock.add(STEP);
				assertThatNoException().isThrownBy(registry::publish);
			}
			this.clock.add(STEP);
			assertThat(registry.get(CnosDbMeterRegistry.FAILURES_METER).counter().count()).isOne();
			assertThat(output.getOut()).containsOnlyOnce("Could not create the database 'metrics'")
				.contains(url)
				.doesNotContain(WARNING);
			assertThat(output.getAll()).doesNotContain("s3cret-pw").doesNotContain("\tat ");
		}
		finally {
			unreachable.close();
		}
	}

	private CnosDbMeterRegistry registry(CnosTemplate template, Map<String, String> settings) {
		this.registry = CnosDbMeterRegistry.builder(TestConfigs.notScheduled(settings))
			.clock(this.clock)
			.template(template)
			.build();
		return this.registry;
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
