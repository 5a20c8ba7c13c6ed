package io.cnosdb.spring.autoconfigure;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.GZIPInputStream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cnosdb.spring.core.batch.CnosBatchWriter;
import io.cnosdb.spring.core.write.CnosPrecision;
import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.core.write.CnosWriteCompression;
import io.cnosdb.spring.core.batch.CnosWriteFailure;
import io.cnosdb.spring.core.batch.CnosWriteFailureHandler;
import io.cnosdb.spring.core.write.Point;
import io.cnosdb.spring.testsupport.CnosDbContextRunners;
import io.cnosdb.spring.testsupport.MockCnosDb;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.unit.DataSize;

import static io.cnosdb.spring.testsupport.RecordedAnswers.recorded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the {@code cnosdb.write.*} properties: compression of the template's writes
 * with Spring Boot's HTTP client, and the batch writer bean, its metrics and its
 * shutdown.
 */
class CnosDbWriteAutoConfigurationTests {

	private final ApplicationContextRunner runner = CnosDbContextRunners.application();

	private final MockCnosDb server = new MockCnosDb();

	@AfterEach
	void stopServer() throws Exception {
		this.server.close();
	}

	private String serverUrl() {
		return this.server.url();
	}

	private void ok(int times) {
		for (int i = 0; i < times; i++) {
			this.server.enqueue(recorded("write"));
		}
	}

	private RecordedRequest take() {
		return this.server.takeRequest();
	}

	@Test
	void writesWithContentLengthAndNoCompressionByDefault() {
		ok(1);
		this.runner.withPropertyValues("cnosdb.url=" + serverUrl()).run((context) -> {
			assertThat(context).doesNotHaveBean(CnosBatchWriter.class);
			context.getBean(CnosTemplate.class)
				.write(Point.measurement("air").field("v", 1L).time(7, CnosPrecision.NS));
			RecordedRequest request = take();
			assertThat(request.getBody().utf8()).isEqualTo("air v=1i 7\n");
			assertThat(request.getHeaders().get("Content-Length")).isEqualTo("11");
			assertThat(request.getHeaders().get("Content-Encoding")).isNull();
			assertThat(request.getChunkSizes()).isNullOrEmpty();
		});
	}

	@Test
	void gzipsWritesWhenConfigured() {
		ok(1);
		this.runner
			.withPropertyValues("cnosdb.url=" + serverUrl(), "cnosdb.write.compression=gzip",
					"cnosdb.write.compression-level=9")
			.run((context) -> {
				context.getBean(CnosTemplate.class)
					.write(Point.measurement("air").field("v", 1L).time(7, CnosPrecision.NS));
				RecordedRequest request = take();
				assertThat(request.getHeaders().get("Content-Encoding")).isEqualTo("gzip");
				byte[] body = request.getBody().toByteArray();
				assertThat(request.getHeaders().get("Content-Length")).isEqualTo(String.valueOf(body.length));
				assertThat(request.getChunkSizes()).isNullOrEmpty();
				try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
					assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("air v=1i 7\n");
				}
			});
	}

	@Test
	void refusesACompressionLevelOutOfRange() {
		this.runner.withPropertyValues("cnosdb.write.compression=gzip", "cnosdb.write.compression-level=0")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void batchPropertiesBind() {
		this.runner
			.withPropertyValues("cnosdb.write.batch.size=10", "cnosdb.write.batch.max-bytes=1MB",
					"cnosdb.write.batch.buffer-limit=20", "cnosdb.write.batch.buffer-limit-bytes=2MB",
					"cnosdb.write.batch.flush-interval=250ms", "cnosdb.write.batch.max-retries=1",
					"cnosdb.write.batch.retry-backoff-initial=5ms", "cnosdb.write.batch.retry-backoff-max=1s",
					"cnosdb.write.batch.backpressure=fail", "cnosdb.write.batch.block-timeout=3s",
					"cnosdb.write.precision=ms", "cnosdb.write.compression=none")
			.run((context) -> {
				CnosDbBatchProperties batch = context.getBean(CnosDbProperties.class).getWrite().getBatch();
				assertThat(batch.getSize()).isEqualTo(10);
				assertThat(batch.getMaxBytes()).isEqualTo(DataSize.ofMegabytes(1));
				assertThat(batch.getBufferLimit()).isEqualTo(20);
				assertThat(batch.getBufferLimitBytes()).isEqualTo(DataSize.ofMegabytes(2));
				assertThat(batch.getFlushInterval()).isEqualTo(Duration.ofMillis(250));
				assertThat(batch.getMaxRetries()).isEqualTo(1);
				assertThat(batch.getRetryBackoffInitial()).isEqualTo(Duration.ofMillis(5));
				assertThat(batch.getRetryBackoffMax()).isEqualTo(Duration.ofSeconds(1));
				assertThat(batch.getBackpressure()).isEqualTo(CnosBatchWriter.Backpressure.FAIL);
				assertThat(batch.getBlockTimeout()).isEqualTo(Duration.ofSeconds(3));
				assertThat(context.getBean(CnosDbProperties.class).getWrite().getPrecision())
					.isEqualTo(CnosPrecision.MS);
				assertThat(context.getBean(CnosDbProperties.class).getWrite().getCompression())
					.isEqualTo(CnosWriteCompression.NONE);
			});
	}

	@Test
	void batchWriterWritesEverythingWhenTheContextCloses() {
		ok(1);
		this.runner
			.withPropertyValues("cnosdb.url=" + serverUrl(), "cnosdb.write.batch.enabled=true",
					"cnosdb.write.batch.flush-interval=1h", "cnosdb.write.precision=ms")
			.run((context) -> {
				CnosBatchWriter writer = context.getBean(CnosBatchWriter.class);
				writer.write(Point.measurement("air").field("v", 1L).time(5, CnosPrecision.MS));
				writer.write(Point.measurement("air").field("v", 2L).time(6, CnosPrecision.MS));
				assertThat(this.server.requestCount()).isZero();
			});
		RecordedRequest request = take();
		assertThat(request.getUrl().queryParameter("precision")).isEqualTo("ms");
		assertThat(request.getBody().utf8()).isEqualTo("air v=1i 5\nair v=2i 6\n");
	}

	@Test
	void batchWriterUsesTheFailureHandlerBeanAndReportsMeters() {
		// A float where the table has an integer.
		this.server.enqueue(recorded("field-type-conflict"));
		ok(1);
		List<CnosWriteFailure> failures = Collections.synchronizedList(new ArrayList<>());
		this.runner.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class))
			.withPropertyValues("cnosdb.url=" + serverUrl(), "cnosdb.write.batch.enabled=true")
			.withBean(CnosWriteFailureHandler.class, () -> failures::add)
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.run((context) -> {
				CnosBatchWriter writer = context.getBean(CnosBatchWriter.class);
				writer.write(Point.measurement("air").field("v", 1.5).time(1, CnosPrecision.NS));
				writer.flush();
				writer.write(Point.measurement("air").field("v", 2L).time(2, CnosPrecision.NS));
				writer.write(Point.measurement("air").field("v", 3L).time(3, CnosPrecision.NS));
				writer.flush();
				assertThat(failures).singleElement()
					.satisfies((failure) -> assertThat(failure.lines()).containsExactly("air v=1.5 1"));
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("cnosdb.writer.points")
					.tag("tenant", "cnosdb")
					.tag("database", "public")
					.functionCounter()
					.count()).isEqualTo(2);
				assertThat(registry.get("cnosdb.writer.batches").functionCounter().count()).isEqualTo(1);
				assertThat(registry.get("cnosdb.writer.failures").functionCounter().count()).isEqualTo(1);
				assertThat(registry.get("cnosdb.writer.points.failed").functionCounter().count()).isEqualTo(1);
				assertThat(registry.get("cnosdb.writer.retries").functionCounter().count()).isZero();
				assertThat(registry.get("cnosdb.writer.buffer.size").gauge().value()).isZero();
				assertThat(registry.get("cnosdb.writer.buffer.bytes").gauge().value()).isZero();
			});
	}

	@Test
	void batchWriterWorksWithoutMicrometer() {
		this.runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.withPropertyValues("cnosdb.write.batch.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(CnosBatchWriter.class)
				.doesNotHaveBean(CnosDbBatchWriterMetrics.class));
	}

	@Test
	void batchWriterBacksOffForTheApplicationsOwn() {
		this.runner.withPropertyValues("cnosdb.write.batch.enabled=true")
			.withBean("mine", CnosBatchWriter.class,
					() -> CnosBatchWriter.builder(CnosTemplate.builder().build()).build())
			.run((context) -> assertThat(context).hasSingleBean(CnosBatchWriter.class).hasBean("mine"));
	}

	@Test
	void batchWriterClosesWithTheContext() {
		this.runner.withPropertyValues("cnosdb.write.batch.enabled=true").run((context) -> {
			CnosBatchWriter writer = context.getBean(CnosBatchWriter.class);
			((ConfigurableApplicationContext) context).close();
			org.assertj.core.api.Assertions.assertThatIllegalStateException()
				.isThrownBy(() -> writer.write(Point.measurement("air").field("v", 1L)));
		});
	}

}
