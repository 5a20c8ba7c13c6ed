package io.cnosdb.spring.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cnosdb.spring.core.batch.CnosBatchWriter;
import io.cnosdb.spring.core.batch.spool.SpoolStatus;
import io.cnosdb.spring.core.batch.spool.SpoolSync;
import io.cnosdb.spring.core.write.CnosPrecision;
import io.cnosdb.spring.core.write.Point;
import io.cnosdb.spring.testsupport.CnosDbContextRunners;
import io.cnosdb.spring.testsupport.MockCnosDb;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.unit.DataSize;

import static io.cnosdb.spring.testsupport.RecordedAnswers.recorded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the batch writer's spool in {@link CnosDbBatchWriterAutoConfiguration}: its
 * properties, a writer that keeps what it could not send for the next run of the
 * application, and the spool's meters.
 */
class CnosDbBatchWriterSpoolAutoConfigurationTests {

	/** Nothing listens there: every write fails to connect. */
	private static final String DOWN = "http://127.0.0.1:1";

	@TempDir
	Path directory;

	private final MockCnosDb server = new MockCnosDb();

	private final ApplicationContextRunner runner = CnosDbContextRunners.application()
		.withPropertyValues("cnosdb.write.batch.enabled=true", "cnosdb.write.batch.flush-interval=10ms",
				"cnosdb.write.batch.retry-backoff-initial=1ms", "cnosdb.write.batch.retry-backoff-max=5ms",
				"cnosdb.write.batch.close-timeout=200ms");

	@AfterEach
	void stopServer() throws Exception {
		this.server.close();
	}

	@Test
	void spoolPropertiesBind() {
		this.runner
			.withPropertyValues("cnosdb.write.batch.spool.dir=" + this.directory,
					"cnosdb.write.batch.spool.max-size=64MB", "cnosdb.write.batch.spool.sync=write",
					"cnosdb.write.batch.spool.sync-interval=250ms", "cnosdb.write.batch.spool.stalled-after=2m",
					"cnosdb.write.batch.backpressure=drop-oldest")
			.run((context) -> {
				CnosDbBatchProperties batch = context.getBean(CnosDbProperties.class).getWrite().getBatch();
				assertThat(batch.getSpool().getDir()).isEqualTo(this.directory);
				assertThat(batch.getSpool().getMaxSize()).isEqualTo(DataSize.ofMegabytes(64));
				assertThat(batch.getSpool().getSync()).isEqualTo(SpoolSync.WRITE);
				assertThat(batch.getSpool().getSyncInterval()).isEqualTo(Duration.ofMillis(250));
				assertThat(batch.getSpool().getStalledAfter()).isEqualTo(Duration.ofMinutes(2));
				assertThat(batch.getBackpressure()).isEqualTo(CnosBatchWriter.Backpressure.DROP_OLDEST);
				SpoolStatus status = context.getBean(CnosBatchWriter.class).getSpoolStatus();
				assertThat(status).isNotNull();
				assertThat(status.directory()).isEqualTo(this.directory);
				assertThat(status.maxSize()).isEqualTo(DataSize.ofMegabytes(64).toBytes());
			});
	}

	@Test
	void withoutASpoolDirectoryTheWriterKeepsItsPointsInMemory() {
		this.runner.run((context) -> assertThat(context.getBean(CnosBatchWriter.class).getSpoolStatus()).isNull());
	}

	@Test
	void whatOneRunCouldNotSendTheNextRunSendsAndCounts() throws Exception {
		this.runner.withPropertyValues("cnosdb.url=" + DOWN, "cnosdb.write.batch.spool.dir=" + this.directory)
			.run((context) -> {
				CnosBatchWriter writer = context.getBean(CnosBatchWriter.class);
				writer.write(Point.measurement("air").field("v", 1L).time(1, CnosPrecision.NS));
				writer.write(Point.measurement("air").field("v", 2L).time(2, CnosPrecision.NS));
				assertThat(writer.getSpoolStatus().points()).isEqualTo(2);
			});
		this.server.enqueue(recorded("write"));
		this.runner.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class))
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withPropertyValues("cnosdb.url=" + this.server.url(), "cnosdb.write.batch.spool.dir=" + this.directory)
			.run((context) -> {
				CnosBatchWriter writer = context.getBean(CnosBatchWriter.class);
				writer.flush();
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("cnosdb.writer.spool.resent").functionCounter().count()).isEqualTo(2);
				assertThat(registry.get("cnosdb.writer.spool.bytes").gauge().value()).isZero();
				assertThat(registry.get("cnosdb.writer.spool.segments").gauge().value()).isZero();
				assertThat(registry.get("cnosdb.writer.spool.oldest.age").timeGauge().value()).isZero();
				assertThat(registry.get("cnosdb.writer.spool.dropped").functionCounter().count()).isZero();
			});
		assertThat(this.server.takeBody()).isEqualTo("air v=1i 1\nair v=2i 2\n");
	}

	@Test
	void aWriterWithoutASpoolHasNoSpoolMeters() {
		this.runner.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class))
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.find("cnosdb.writer.buffer.size").gauge()).isNotNull();
				assertThat(registry.find("cnosdb.writer.spool.bytes").gauge()).isNull();
			});
	}

}
