package io.cnosdb.spring.integration;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.cnosdb.spring.core.CnosClient;
import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.core.batch.CnosBatchWriter;
import io.cnosdb.spring.core.ddl.DatabaseOptions;
import io.cnosdb.spring.core.exception.CnosObjectNotFoundException;
import io.cnosdb.spring.core.write.CnosPrecision;
import io.cnosdb.spring.core.write.Point;
import io.cnosdb.spring.testsupport.CnosDbServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Observations of requests to a real CnosDB: a write, a SELECT with parameters, a batch
 * and a refused statement each give one observation with the keys the server's answer
 * decides (the operation, the namespace, CnosDB's own error code).
 */
class ObservationIntegrationTests {

	@RegisterExtension
	static final CnosDbServer cnosdb = new CnosDbServer();

	private static final String DATABASE = CnosDbServer.uniqueName("observed");

	private static final String REQUESTS = "cnosdb.client.operations";

	/** Inside the TTL: CnosDB refuses older points. */
	private static final long NOW_NANOS = Instant.now().getEpochSecond() * 1_000_000_000L;

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private CnosTemplate admin;

	private CnosTemplate template;

	@BeforeEach
	void createDatabase() {
		this.admin = cnosdb.template();
		this.admin.createDatabase(DATABASE, DatabaseOptions.defaults().ifNotExists().ttl(Duration.ofDays(3650)));
		this.template = CnosTemplate.builder()
			.url(cnosdb.url())
			.credentials(cnosdb.user(), cnosdb.password())
			.database(DATABASE)
			.observationRegistry(this.registry)
			.build();
	}

	@AfterEach
	void dropDatabase() {
		this.template.close();
		this.admin.dropDatabaseIfExists(DATABASE);
		this.admin.close();
	}

	@Test
	void aWriteAndASelectAreObservedWithTheirKeys() {
		this.template.writeLines(List.of("air,station=XiaoMaiDao temperature=69.0 " + NOW_NANOS));
		List<Map<String, Object>> rows = CnosClient.create(this.template)
			.sql("SELECT station, temperature FROM air WHERE station = :station AND temperature > :min")
			.param("station", "XiaoMaiDao")
			.param("min", 20.5)
			.listOfRows();
		assertThat(rows).containsExactly(Map.of("station", "XiaoMaiDao", "temperature", "69.0"));
		String namespace = "cnosdb|" + DATABASE;
		String host = URI.create(cnosdb.url()).getHost();
		observed().hasNumberOfObservationsWithNameEqualTo(REQUESTS, 2)
			.hasAnObservation((write) -> write.hasNameEqualTo(REQUESTS)
				.hasContextualNameEqualTo("write " + namespace)
				.hasLowCardinalityKeyValue("db.system.name", "cnosdb")
				.hasLowCardinalityKeyValue("db.operation.name", "write")
				.hasLowCardinalityKeyValue("db.namespace", namespace)
				.hasLowCardinalityKeyValue("server.address", host)
				.hasLowCardinalityKeyValue("error.type", "none"))
			.hasAnObservation((select) -> select.hasNameEqualTo(REQUESTS)
				.hasContextualNameEqualTo("SELECT " + namespace)
				.hasLowCardinalityKeyValue("db.operation.name", "SELECT")
				.hasLowCardinalityKeyValue("db.namespace", namespace)
				.hasLowCardinalityKeyValue("error.type", "none")
				.hasLowCardinalityKeyValue("db.response.status_code", "none")
				.hasHighCardinalityKeyValue("db.query.text",
						"SELECT station, temperature FROM air WHERE station = ? AND temperature > ?"));
	}

	@Test
	void aRefusedStatementIsObservedWithCnosDbsCode() {
		assertThatExceptionOfType(CnosObjectNotFoundException.class)
			.isThrownBy(() -> this.template.queryForList("SELECT * FROM no_such_table"));
		observed().hasObservationWithNameEqualTo(REQUESTS)
			.that()
			.hasLowCardinalityKeyValue("db.operation.name", "SELECT")
			.hasLowCardinalityKeyValue("error.type", CnosObjectNotFoundException.class.getName())
			.hasLowCardinalityKeyValue("db.response.status_code", "010001")
			.hasBeenStopped();
	}

	@Test
	void aBatchIsObservedWithItsWriteInside() {
		try (CnosBatchWriter writer = CnosBatchWriter.builder(this.template)
			.flushInterval(Duration.ofHours(1))
			.observationRegistry(this.registry)
			.build()) {
			for (int i = 0; i < 10; i++) {
				writer.write(Point.measurement("air")
					.tag("station", "s" + i)
					.field("temperature", 20.0 + i)
					.time(NOW_NANOS + i, CnosPrecision.NS));
			}
			writer.flush();
		}
		assertThat(this.template.queryForObject("SELECT count(*) FROM air", Long.class)).isEqualTo(10L);
		observed().hasObservationWithNameEqualTo("cnosdb.client.batches")
			.that()
			.hasLowCardinalityKeyValue("db.operation.name", "BATCH write")
			.hasLowCardinalityKeyValue("error.type", "none")
			.hasHighCardinalityKeyValue("cnosdb.batch.points", "10")
			.hasHighCardinalityKeyValue("cnosdb.batch.attempts", "1")
			.hasBeenStopped();
	}

	private TestObservationRegistryAssert observed() {
		return TestObservationRegistryAssert.assertThat(this.registry);
	}

}
