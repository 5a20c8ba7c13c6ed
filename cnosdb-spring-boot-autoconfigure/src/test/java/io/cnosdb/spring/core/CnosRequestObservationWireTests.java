package io.cnosdb.spring.core;

import java.net.URI;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.cnosdb.spring.core.exception.CnosInvalidLineProtocolException;
import io.cnosdb.spring.core.exception.CnosObjectNotFoundException;
import io.cnosdb.spring.core.observation.CnosObservationContext;
import io.cnosdb.spring.testsupport.MockCnosDb;

import org.springframework.dao.DataAccessException;
import org.springframework.http.client.observation.ClientRequestObservationContext;

import static io.cnosdb.spring.testsupport.RecordedAnswers.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The observation of each request a template sends to a loopback CnosDB replaying
 * recorded answers: its name, keys and contextual name for a query, a statement, a write
 * and a ping, for a refusal and a broken connection; the {@code http.client.requests}
 * observation nested inside it; and that a password never reaches one.
 */
class CnosRequestObservationWireTests {

	private static final String NAME = "cnosdb.client.operations";

	@RegisterExtension
	final MockCnosDb db = new MockCnosDb();

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final CnosTemplate template = this.db.builder()
		.database("ocean")
		.tenant("acme")
		.observationRegistry(this.registry)
		.build();

	@AfterEach
	void closeTemplate() {
		this.template.close();
	}

	@Test
	void aQueryIsObservedWithItsKeysAndItsLiteralsMasked() {
		this.db.enqueue(recorded("station-one-row"));
		List<String> stations = CnosClient.create(this.template)
			.sql("SELECT station FROM air WHERE station = :station AND v > :v")
			.param("station", "XiaoMaiDao")
			.param("v", 21.5)
			.query(String.class)
			.list();
		assertThat(stations).containsExactly("a");
		observed().hasObservationWithNameEqualTo(NAME)
			.that()
			.hasContextualNameEqualTo("SELECT acme|ocean")
			.hasLowCardinalityKeyValue("db.system.name", "cnosdb")
			.hasLowCardinalityKeyValue("db.operation.name", "SELECT")
			.hasLowCardinalityKeyValue("db.namespace", "acme|ocean")
			.hasLowCardinalityKeyValue("error.type", "none")
			.hasLowCardinalityKeyValue("db.response.status_code", "none")
			.hasLowCardinalityKeyValue("server.address", URI.create(this.db.url()).getHost())
			.hasLowCardinalityKeyValue("server.port", Integer.toString(this.db.server().getPort()))
			.hasHighCardinalityKeyValue("db.query.text", "SELECT station FROM air WHERE station = ? AND v > ?")
			.hasBeenStarted()
			.hasBeenStopped();
		observed().hasNumberOfObservationsWithNameEqualTo(NAME, 1);
	}

	@Test
	void aStreamedQueryIsObservedUntilItsLastRowIsRead() {
		this.db.enqueue(recorded("two-rows"));
		try (Stream<String> rows = this.template.queryForStream("select v from t order by time",
				(row, rowNumber) -> row.getString(0))) {
			Iterator<String> iterator = rows.iterator();
			iterator.next();
			observed().hasObservationWithNameEqualTo(NAME).that().hasBeenStarted().isNotStopped();
			iterator.next();
			assertThat(iterator.hasNext()).isFalse();
			observed().hasObservationWithNameEqualTo(NAME).that().hasBeenStopped();
		}
		observed().hasNumberOfObservationsWithNameEqualTo(NAME, 1);
	}

	@Test
	void aStreamClosedEarlyEndsItsObservation() {
		this.db.enqueue(recorded("two-rows"));
		try (Stream<String> rows = this.template.queryForStream("select v from t order by time",
				(row, rowNumber) -> row.getString(0))) {
			rows.iterator().next();
		}
		observed().hasObservationWithNameEqualTo(NAME)
			.that()
			.hasBeenStopped()
			.hasLowCardinalityKeyValue("error.type", "none");
	}

	@Test
	void aStatementIsObservedByItsCommand() {
		this.db.enqueue(recorded("create-database"));
		this.template.execute("CREATE DATABASE IF NOT EXISTS oceanic WITH TTL '3650d' SHARD 1");
		observed().hasObservationWithNameEqualTo(NAME)
			.that()
			.hasContextualNameEqualTo("CREATE acme|ocean")
			.hasLowCardinalityKeyValue("db.operation.name", "CREATE")
			.hasHighCardinalityKeyValue("db.query.text", "CREATE DATABASE IF NOT EXISTS oceanic WITH TTL ? SHARD ?")
			.hasBeenStopped();
	}

	@Test
	void aWriteIsObservedWithItsBytes() {
		this.db.enqueue(recorded("write"));
		List<String> lines = List.of("air,station=a v=1i 1", "air,station=b v=2i 2");
		this.template.writeLines(lines);
		int bytes = lines.stream().mapToInt((line) -> line.length() + 1).sum();
		observed().hasObservationWithNameEqualTo(NAME)
			.that()
			.hasContextualNameEqualTo("write acme|ocean")
			.hasLowCardinalityKeyValue("db.operation.name", "write")
			.hasLowCardinalityKeyValue("db.namespace", "acme|ocean")
			.hasLowCardinalityKeyValue("error.type", "none")
			.hasHighCardinalityKeyValue("cnosdb.write.bytes", Integer.toString(bytes))
			.doesNotHaveHighCardinalityKeyValueWithKey("db.query.text")
			.hasBeenStopped();
	}

	@Test
	void aPingIsObservedWithoutANamespace() {
		this.db.enqueue(recorded("ping"));
		this.template.ping(Duration.ofSeconds(2));
		observed().hasObservationWithNameEqualTo(NAME)
			.that()
			.hasContextualNameEqualTo("ping " + URI.create(this.db.url()).getHost() + ":" + this.db.server().getPort())
			.hasLowCardinalityKeyValue("db.operation.name", "ping")
			.hasLowCardinalityKeyValue("db.namespace", "none")
			.hasBeenStopped();
	}

	@Test
	void aRefusedStatementIsObservedWithTheErrorAndCnosDbsCode() {
		this.db.enqueue(recorded("table-not-found"));
		CnosObjectNotFoundException refusal = catchDataAccess(CnosObjectNotFoundException.class,
				() -> this.template.queryForList("SELECT * FROM air"));
		observed().hasObservationWithNameEqualTo(NAME)
			.that()
			.hasLowCardinalityKeyValue("error.type", CnosObjectNotFoundException.class.getName())
			.hasLowCardinalityKeyValue("db.response.status_code", "010001")
			.hasBeenStopped()
			.assertThatError()
			.isSameAs(refusal);
	}

	@Test
	void aRefusedWriteIsObservedWithTheError() {
		this.db.enqueue(recorded("line-protocol-error"));
		catchDataAccess(CnosInvalidLineProtocolException.class, () -> this.template.writeLines(List.of("air v=")));
		observed().hasObservationWithNameEqualTo(NAME)
			.that()
			.hasLowCardinalityKeyValue("db.operation.name", "write")
			.hasLowCardinalityKeyValue("error.type", CnosInvalidLineProtocolException.class.getName())
			.hasLowCardinalityKeyValue("db.response.status_code", "040004")
			.hasBeenStopped();
	}

	@Test
	void aBrokenConnectionIsObservedWithTheErrorAndNoStatusCode() {
		this.db.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
		DataAccessException failure = catchDataAccess(DataAccessException.class,
				() -> this.template.queryForList("SELECT 1"));
		observed().hasObservationWithNameEqualTo(NAME)
			.that()
			.hasLowCardinalityKeyValue("error.type", failure.getClass().getName())
			.hasLowCardinalityKeyValue("db.response.status_code", "none")
			.hasBeenStopped();
	}

	@Test
	void theRestClientsObservationIsNestedInside() {
		this.db.enqueue(recorded("select-1-as-n"));
		this.template.queryForList("SELECT 1 AS n");
		observed().hasObservationWithNameEqualTo("http.client.requests")
			.that()
			.hasLowCardinalityKeyValue("uri", "/api/v1/sql?db={db}&tenant={tenant}&chunked=true")
			.hasParentObservationContextMatching((parent) -> parent instanceof CnosObservationContext);
		observed().hasObservationWithNameEqualTo(NAME).that().doesNotHaveParentObservation();
	}

	@Test
	void aPasswordReachesNoObservation() {
		this.db.enqueue(recorded("create-user"), recorded("alter-user-password"));
		this.template.createUser("bob", "s3cr'3t");
		this.template.alterUserPassword("bob", "n3w-s3cr3t");
		observed().hasNumberOfObservationsWithNameEqualTo(NAME, 2)
			.hasHandledContextsThatSatisfy((contexts) -> assertThat(contexts).isNotEmpty()
				.allSatisfy((context) -> assertThat(
						context.getAllKeyValues().toString() + context.getContextualName() + context)
					.doesNotContain("s3cr")));
		observed().hasObservationWithNameEqualTo(NAME)
			.that()
			.hasHighCardinalityKeyValue("db.query.text", "CREATE USER \"bob\" WITH PASSWORD = ?");
	}

	@Test
	void theRequestContextIsAClientSpanOfCnosDb() {
		this.db.enqueue(recorded("select-1-as-n"));
		this.template.queryForList("SELECT 1 AS n");
		observed().hasHandledContextsThatSatisfy((contexts) -> {
			assertThat(contexts).filteredOn(CnosObservationContext.class::isInstance)
				.singleElement()
				.satisfies((context) -> {
					CnosObservationContext request = (CnosObservationContext) context;
					assertThat(request.getKind()).hasToString("CLIENT");
					assertThat(request.getRemoteServiceName()).isEqualTo("cnosdb");
					assertThat(request.getRemoteServiceAddress()).isEqualTo(this.db.url().replaceAll("/$", ""));
					assertThat(request.getOperation()).isEqualTo(CnosObservationContext.Operation.STATEMENT);
				});
			assertThat(contexts).filteredOn(ClientRequestObservationContext.class::isInstance).hasSize(1);
		});
	}

	private TestObservationRegistryAssert observed() {
		return TestObservationRegistryAssert.assertThat(this.registry);
	}

	private static <E extends DataAccessException> E catchDataAccess(Class<E> type, Runnable call) {
		return assertThatExceptionOfType(type).isThrownBy(call::run).actual();
	}

}
