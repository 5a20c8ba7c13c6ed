package io.cnosdb.spring.autoconfigure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.core.batch.CnosBatchWriter;
import io.cnosdb.spring.core.observation.CnosObservationContext;
import io.cnosdb.spring.core.observation.CnosObservationConvention;
import io.cnosdb.spring.core.observation.DefaultCnosBatchObservationConvention;
import io.cnosdb.spring.core.observation.DefaultCnosObservationConvention;
import io.cnosdb.spring.core.write.CnosPrecision;
import io.cnosdb.spring.core.write.Point;
import io.cnosdb.spring.testsupport.CnosDbContextRunners;
import io.cnosdb.spring.testsupport.MockCnosDb;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.client.observation.ClientRequestObservationContext;

import static io.cnosdb.spring.testsupport.RecordedAnswers.recorded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auto-configured client and batch writer observe in the application's
 * {@link ObservationRegistry} (Spring Boot's, or one of its own), with the application's
 * conventions; Boot's {@code management.observations.enable} turns them off; without a
 * registry nothing is observed.
 */
class CnosDbObservationAutoConfigurationTests {

	@RegisterExtension
	final MockCnosDb server = new MockCnosDb();

	private final ApplicationContextRunner runner = CnosDbContextRunners.application()
		.withConfiguration(
				AutoConfigurations.of(ObservationAutoConfiguration.class, RestClientObservationAutoConfiguration.class))
		.withPropertyValues("cnosdb.url=" + this.server.url());

	@Test
	void bootsRegistryObservesEachRequestWithTheRestClientsInside() {
		this.server.enqueue(recorded("select-1-as-n"));
		RecordingHandler handler = new RecordingHandler();
		this.runner.withBean(RecordingHandler.class, () -> handler).run((context) -> {
			context.getBean(CnosTemplate.class).queryForList("SELECT 1 AS n");
			assertThat(handler.stopped).extracting(Observation.Context::getName)
				.containsExactly("http.client.requests", "cnosdb.client.operations");
			assertThat(handler.stopped.get(0)).isInstanceOf(ClientRequestObservationContext.class)
				.satisfies((http) -> assertThat(http.getParentObservation().getContextView())
					.isSameAs(handler.stopped.get(1)));
			assertThat(handler.stopped.get(1)).isInstanceOf(CnosObservationContext.class)
				.satisfies((request) -> assertThat(request.getLowCardinalityKeyValue("db.operation.name").getValue())
					.isEqualTo("SELECT"));
		});
	}

	@Test
	void bootsObservationSwitchTurnsTheClientsObservationsOff() {
		this.server.enqueue(recorded("select-1-as-n"));
		RecordingHandler handler = new RecordingHandler();
		this.runner.withPropertyValues("management.observations.enable.cnosdb=false")
			.withBean(RecordingHandler.class, () -> handler)
			.run((context) -> {
				context.getBean(CnosTemplate.class).queryForList("SELECT 1 AS n");
				assertThat(handler.stopped).extracting(Observation.Context::getName)
					.containsExactly("http.client.requests");
			});
	}

	@Test
	void theApplicationsRegistryAndConventionArePickedUp() {
		this.server.enqueue(recorded("select-1-as-n"));
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.runner.withBean(ObservationRegistry.class, () -> registry)
			.withBean(CnosObservationConvention.class, () -> new DefaultCnosObservationConvention("app.cnosdb"))
			.run((context) -> {
				context.getBean(CnosTemplate.class).queryForList("SELECT 1 AS n");
				TestObservationRegistryAssert.assertThat(registry)
					.hasObservationWithNameEqualTo("app.cnosdb")
					.that()
					.hasLowCardinalityKeyValue("db.namespace", "cnosdb|public")
					.hasHighCardinalityKeyValue("db.query.text", "SELECT ? AS n");
				TestObservationRegistryAssert.assertThat(registry)
					.hasNumberOfObservationsWithNameEqualTo("cnosdb.client.operations", 0);
			});
	}

	@Test
	void theBatchWriterObservesInTheRegistryWithTheApplicationsConvention() {
		this.server.enqueue(recorded("write"));
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.runner
			.withPropertyValues("cnosdb.write.batch.enabled=true", "cnosdb.write.batch.flush-interval=1h",
					"cnosdb.database=ocean")
			.withBean(ObservationRegistry.class, () -> registry)
			.withBean(DefaultCnosBatchObservationConvention.class,
					() -> new DefaultCnosBatchObservationConvention("app.batches"))
			.run((context) -> {
				CnosBatchWriter writer = context.getBean(CnosBatchWriter.class);
				writer.write(Point.measurement("air").field("v", 1L).time(5, CnosPrecision.NS));
				writer.flush();
				TestObservationRegistryAssert.assertThat(registry)
					.hasObservationWithNameEqualTo("app.batches")
					.that()
					.hasLowCardinalityKeyValue("db.namespace", "cnosdb|ocean")
					.hasHighCardinalityKeyValue("cnosdb.batch.points", "1")
					.hasBeenStopped();
				TestObservationRegistryAssert.assertThat(registry)
					.hasObservationWithNameEqualTo("cnosdb.client.operations")
					.that()
					.hasLowCardinalityKeyValue("db.operation.name", "write");
			});
	}

	@Test
	void withoutARegistryTheClientWorksUnobserved() {
		this.server.enqueue(recorded("select-1-as-n"));
		CnosDbContextRunners.application()
			.withPropertyValues("cnosdb.url=" + this.server.url())
			.withBean(CnosObservationConvention.class, () -> new DefaultCnosObservationConvention("app.cnosdb"))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(ObservationRegistry.class);
				assertThat(context.getBean(CnosTemplate.class).queryForList("SELECT 1 AS n")).hasSize(1);
			});
	}

	/** Records the contexts of the observations that stop, in order. */
	static final class RecordingHandler implements ObservationHandler<Observation.Context> {

		final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

		@Override
		public void onStop(Observation.Context context) {
			this.stopped.add(context);
		}

	}

}
