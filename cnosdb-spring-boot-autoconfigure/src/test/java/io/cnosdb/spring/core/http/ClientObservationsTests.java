package io.cnosdb.spring.core.http;

import java.lang.management.ManagementFactory;
import java.util.List;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.core.observation.CnosObservationContext;
import io.cnosdb.spring.core.observation.CnosObservationConvention;
import io.cnosdb.spring.testsupport.MockCnosDb;

import static io.cnosdb.spring.testsupport.RecordedAnswers.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * What observing costs when nothing observes: with the default registry, or one without
 * handlers, a request gets the no-op observation without a context being made, a
 * statement scanned or the convention asked; and what a context is made of otherwise.
 */
class ClientObservationsTests {

	@RegisterExtension
	final MockCnosDb db = new MockCnosDb();

	@Test
	void aRegistryThatObservesNothingGetsTheNoopObservationAndNoContext() {
		for (ObservationRegistry registry : List.of(ObservationRegistry.NOOP, ObservationRegistry.create())) {
			ClientObservations observations = new ClientObservations(registry, new FailingConvention(),
					"http://localhost:8902");
			assertThat(observations.statement("SELECT 'x'", "public", "cnosdb")).isSameAs(Observation.NOOP);
			assertThat(observations.write("public", "cnosdb", 10)).isSameAs(Observation.NOOP);
			assertThat(observations.ping()).isSameAs(Observation.NOOP);
			assertThat(Observation.NOOP.getContext()).isNotInstanceOf(CnosObservationContext.class);
		}
	}

	@Test
	void observingNothingAllocatesNothing() {
		assumeThat(ManagementFactory.getThreadMXBean()).isInstanceOf(com.sun.management.ThreadMXBean.class);
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		assumeThat(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled()).isTrue();
		ClientObservations observations = new ClientObservations(ObservationRegistry.NOOP, null,
				"http://localhost:8902");
		String sql = "SELECT * FROM air WHERE station = 'XiaoMaiDao'";
		observeStatements(observations, sql, 10_000);
		long threadId = Thread.currentThread().getId();
		long before = threads.getThreadAllocatedBytes(threadId);
		observeStatements(observations, sql, 10_000);
		long allocated = threads.getThreadAllocatedBytes(threadId) - before;
		// One object per statement would be 160,000 bytes or more.
		assertThat(allocated).isLessThan(10_000);
	}

	private static void observeStatements(ClientObservations observations, String sql, int count) {
		for (int i = 0; i < count; i++) {
			Observation observation = observations.statement(sql, "public", "cnosdb").start();
			observation.openScope().close();
			observation.stop();
		}
	}

	@Test
	void aTemplateWithoutARegistryNeverAsksItsConvention() {
		this.db.enqueue(recorded("select-1-as-n"), recorded("write"), recorded("ping"));
		try (CnosTemplate template = this.db.builder().observationConvention(new FailingConvention()).build()) {
			assertThat(template.queryForList("SELECT 1 AS n")).hasSize(1);
			template.writeLines(List.of("air,station=a v=1i 1"));
			assertThat(template.ping(java.time.Duration.ofSeconds(2)).status()).isEqualTo("healthy");
		}
		assertThat(this.db.requestCount()).isEqualTo(3);
	}

	@Test
	void aContextNamesTheServerOfTheUrl() {
		assertThat(context("http://cnosdb.internal:8902")).satisfies((context) -> {
			assertThat(context.getServerAddress()).isEqualTo("cnosdb.internal");
			assertThat(context.getServerPort()).isEqualTo(8902);
			assertThat(context.getRemoteServiceAddress()).isEqualTo("http://cnosdb.internal:8902");
		});
		assertThat(context("https://cnosdb.internal")).satisfies((context) -> {
			assertThat(context.getServerAddress()).isEqualTo("cnosdb.internal");
			assertThat(context.getServerPort()).isEqualTo(443);
		});
		assertThat(context("http://[::1]")).satisfies((context) -> {
			assertThat(context.getServerAddress()).isEqualTo("[::1]");
			assertThat(context.getServerPort()).isEqualTo(80);
		});
	}

	private static CnosObservationContext context(String url) {
		TestObservationRegistry registry = TestObservationRegistry.create();
		Observation observation = new ClientObservations(registry, null, url).ping();
		assertThat(observation.isNoop()).isFalse();
		return (CnosObservationContext) observation.getContext();
	}

	/** Fails a test that asks it anything: nothing should. */
	private static final class FailingConvention implements CnosObservationConvention {

		@Override
		public boolean supportsContext(Observation.Context context) {
			throw new AssertionError("The convention was asked about a context");
		}

		@Override
		public String getName() {
			throw new AssertionError("The convention was asked for a name");
		}

		@Override
		public KeyValues getLowCardinalityKeyValues(CnosObservationContext context) {
			throw new AssertionError("The convention was asked for key values");
		}

	}

}
