package io.cnosdb.spring.core.batch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.core.exception.CnosInvalidLineProtocolException;
import io.cnosdb.spring.core.exception.CnosTransientException;
import io.cnosdb.spring.core.observation.CnosBatchObservationContext;
import io.cnosdb.spring.core.observation.DefaultCnosBatchObservationConvention;
import io.cnosdb.spring.core.write.CnosPrecision;
import io.cnosdb.spring.core.write.Point;
import io.cnosdb.spring.testsupport.MockCnosDb;

import static io.cnosdb.spring.testsupport.RecordedAnswers.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The observation of each batch the batch writer sends to a loopback CnosDB replaying
 * recorded answers: its points, bytes and attempts, the write requests of its attempts
 * nested inside, and the error of a batch that finally fails.
 */
class BatchObservationWireTests {

	private static final String BATCHES = "cnosdb.client.batches";

	private static final String REQUESTS = "cnosdb.client.operations";

	@RegisterExtension
	final MockCnosDb db = new MockCnosDb();

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final CnosTemplate template = this.db.builder()
		.database("ocean")
		.observationRegistry(this.registry)
		.build();

	private final List<CnosWriteFailure> failures = Collections.synchronizedList(new ArrayList<>());

	@AfterEach
	void closeTemplate() {
		this.template.close();
	}

	private CnosBatchWriter writer() {
		return CnosBatchWriter.builder(this.template)
			.flushInterval(Duration.ofHours(1))
			.retryBackoff(Duration.ZERO, Duration.ZERO)
			.precision(CnosPrecision.NS)
			.failureHandler(this.failures::add)
			.observationRegistry(this.registry)
			.build();
	}

	private static List<Point> points(int count) {
		List<Point> points = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			points.add(Point.measurement("air")
				.tag("station", "s" + i)
				.field("v", (long) i)
				.time(i + 1, CnosPrecision.NS));
		}
		return points;
	}

	private static int bytes(List<Point> points) {
		return points.stream().mapToInt((point) -> point.toLineProtocol().length() + 1).sum();
	}

	@Test
	void aBatchIsObservedWithItsPointsBytesAndOneAttempt() {
		this.db.enqueue(recorded("write"));
		List<Point> points = points(3);
		try (CnosBatchWriter writer = writer()) {
			writer.write(points);
			writer.flush();
		}
		observed().hasNumberOfObservationsWithNameEqualTo(BATCHES, 1)
			.hasObservationWithNameEqualTo(BATCHES)
			.that()
			.hasContextualNameEqualTo("BATCH write cnosdb|ocean")
			.hasLowCardinalityKeyValue("db.system.name", "cnosdb")
			.hasLowCardinalityKeyValue("db.operation.name", "BATCH write")
			.hasLowCardinalityKeyValue("db.namespace", "cnosdb|ocean")
			.hasLowCardinalityKeyValue("error.type", "none")
			.hasHighCardinalityKeyValue("cnosdb.batch.points", "3")
			.hasHighCardinalityKeyValue("cnosdb.batch.bytes", Integer.toString(bytes(points)))
			.hasHighCardinalityKeyValue("cnosdb.batch.attempts", "1")
			.hasBeenStopped();
		observed().hasObservationWithNameEqualTo(REQUESTS)
			.that()
			.hasLowCardinalityKeyValue("db.operation.name", "write")
			.hasParentObservationContextMatching((parent) -> parent instanceof CnosBatchObservationContext);
	}

	@Test
	void anObservationHandlerThatThrowsNeitherEndsTheWriterNorLosesABatch() {
		ObservationRegistry throwing = ObservationRegistry.create();
		throwing.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return context instanceof CnosBatchObservationContext;
			}

			@Override
			public void onStart(Observation.Context context) {
				throw new IllegalStateException("handler failed on start");
			}

			@Override
			public void onStop(Observation.Context context) {
				throw new IllegalStateException("handler failed on stop");
			}

		});
		this.db.enqueue(recorded("write"), recorded("write"));
		try (CnosBatchWriter writer = CnosBatchWriter.builder(this.template)
			.flushInterval(Duration.ofHours(1))
			.failureHandler(this.failures::add)
			.observationRegistry(throwing)
			.build()) {
			writer.write(points(2));
			writer.flush();
			writer.write(points(3));
			writer.flush();
		}
		assertThat(this.failures).isEmpty();
		assertThat(this.db.requestCount()).isEqualTo(2);
		assertThat(this.db.takeBody().lines()).hasSize(2);
		assertThat(this.db.takeBody().lines()).hasSize(3);
	}

	@Test
	void aRetriedBatchCountsItsAttemptsEachARequestInsideIt() {
		this.db.enqueue(recorded("rate-limit"), recorded("write"));
		try (CnosBatchWriter writer = writer()) {
			writer.write(points(2));
			writer.flush();
		}
		assertThat(this.failures).isEmpty();
		observed().hasNumberOfObservationsWithNameEqualTo(BATCHES, 1)
			.hasObservationWithNameEqualTo(BATCHES)
			.that()
			.hasHighCardinalityKeyValue("cnosdb.batch.attempts", "2")
			.hasLowCardinalityKeyValue("error.type", "none");
		observed().hasNumberOfObservationsWithNameEqualTo(REQUESTS, 2)
			.hasHandledContextsThatSatisfy(
					(contexts) -> assertThat(contexts).filteredOn((context) -> REQUESTS.equals(context.getName()))
						.extracting((context) -> context.getLowCardinalityKeyValue("error.type").getValue(),
								(context) -> context.getLowCardinalityKeyValue("db.response.status_code").getValue(),
								(context) -> context.getParentObservation().getContextView().getName())
						.containsExactly(tuple(CnosTransientException.class.getName(), "030024", BATCHES),
								tuple("none", "none", BATCHES)));
	}

	@Test
	void aBatchThatFailsIsObservedWithItsLastError() {
		this.db.enqueue(recorded("line-protocol-error"));
		try (CnosBatchWriter writer = writer()) {
			writer.write(points(1));
			writer.flush();
		}
		assertThat(this.failures).singleElement()
			.satisfies((failure) -> assertThat(failure.cause()).isInstanceOf(CnosInvalidLineProtocolException.class));
		observed().hasObservationWithNameEqualTo(BATCHES)
			.that()
			.hasLowCardinalityKeyValue("error.type", CnosInvalidLineProtocolException.class.getName())
			.hasLowCardinalityKeyValue("db.response.status_code", "040004")
			.hasHighCardinalityKeyValue("cnosdb.batch.attempts", "1")
			.hasBeenStopped()
			.assertThatError()
			.isSameAs(this.failures.get(0).cause());
	}

	@Test
	void aConventionOfTheCallersNamesTheBatches() {
		this.db.enqueue(recorded("write"));
		try (CnosBatchWriter writer = CnosBatchWriter.builder(this.template)
			.flushInterval(Duration.ofHours(1))
			.observationRegistry(this.registry)
			.observationConvention(new DefaultCnosBatchObservationConvention("ingest.batches"))
			.build()) {
			writer.write(points(1));
			writer.flush();
		}
		observed().hasNumberOfObservationsWithNameEqualTo("ingest.batches", 1)
			.hasNumberOfObservationsWithNameEqualTo(BATCHES, 0);
	}

	@Test
	void withoutARegistryABatchIsNotObserved() {
		this.db.enqueue(recorded("write"));
		try (CnosBatchWriter writer = CnosBatchWriter.builder(this.template)
			.flushInterval(Duration.ofHours(1))
			.build()) {
			writer.write(points(1));
			writer.flush();
		}
		assertThat(this.db.requestCount()).isOne();
		observed().hasNumberOfObservationsWithNameEqualTo(BATCHES, 0)
			.hasNumberOfObservationsWithNameEqualTo(REQUESTS, 1);
	}

	private TestObservationRegistryAssert observed() {
		return TestObservationRegistryAssert.assertThat(this.registry);
	}

}
