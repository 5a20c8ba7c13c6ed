package io.cnosdb.spring.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.core.batch.CnosBatchWriter;
import io.cnosdb.spring.core.write.CnosPrecision;
import io.cnosdb.spring.core.write.Point;
import io.cnosdb.spring.testsupport.MockCnosDb;

import static io.cnosdb.spring.testsupport.RecordedAnswers.recorded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CnosDbBatchWriterMetrics}: each writer's meters are its own, tagged
 * with its tenant and database, and count what happened before they were bound.
 */
class CnosDbBatchWriterMetricsTests {

	private final MockCnosDb server = new MockCnosDb();

	private final MeterRegistry registry = new SimpleMeterRegistry();

	@AfterEach
	void stopServer() throws Exception {
		this.server.close();
	}

	@Test
	void writersOfTheSameDatabaseInTwoTenantsHaveMetersOfTheirOwn() {
		this.server.enqueue(recorded("write"), recorded("write"));
		try (CnosTemplate acme = this.server.builder().tenant("acme").build();
				CnosTemplate globex = this.server.builder().tenant("globex").build()) {
			CnosDbBatchWriterMetrics acmeMetrics = new CnosDbBatchWriterMetrics(acme);
			CnosDbBatchWriterMetrics globexMetrics = new CnosDbBatchWriterMetrics(globex);
			acmeMetrics.bindTo(this.registry);
			globexMetrics.bindTo(this.registry);
			try (CnosBatchWriter acmeWriter = CnosBatchWriter.builder(acme).listener(acmeMetrics).build();
					CnosBatchWriter globexWriter = CnosBatchWriter.builder(globex).listener(globexMetrics).build()) {
				acmeWriter.write(point(1));
				acmeWriter.flush();
				globexWriter.write(point(2));
				globexWriter.write(point(3));
				globexWriter.flush();
			}
		}
		assertThat(points("acme")).isEqualTo(1);
		assertThat(points("globex")).isEqualTo(2);
		assertThat(this.registry.find("cnosdb.writer.batches").functionCounters()).hasSize(2);
		assertThat(this.registry.find("cnosdb.writer.buffer.size").gauges()).hasSize(2);
	}

	@Test
	void countsWhatWasWrittenBeforeBeingBound() {
		this.server.enqueue(recorded("write"));
		try (CnosTemplate template = this.server.template()) {
			CnosDbBatchWriterMetrics metrics = new CnosDbBatchWriterMetrics(template);
			try (CnosBatchWriter writer = CnosBatchWriter.builder(template).listener(metrics).build()) {
				writer.write(point(1));
				writer.flush();
				metrics.bindTo(this.registry);
				assertThat(this.registry.get("cnosdb.writer.buffer.size")
					.tags("tenant", "cnosdb", "database", "public")
					.gauge()
					.value()).isZero();
			}
		}
		assertThat(points("cnosdb")).isEqualTo(1);
	}

	@Test
	void aGaugeOfAWriterNotStartedIsZero() {
		new CnosDbBatchWriterMetrics("cnosdb", "public").bindTo(this.registry);
		assertThat(this.registry.get("cnosdb.writer.buffer.bytes").gauge().value()).isZero();
	}

	private double points(String tenant) {
		return this.registry.get("cnosdb.writer.points")
			.tags("tenant", tenant, "database", "public")
			.functionCounter()
			.count();
	}

	private static Point point(long time) {
		return Point.measurement("air").field("v", time).time(time, CnosPrecision.NS);
	}

}
