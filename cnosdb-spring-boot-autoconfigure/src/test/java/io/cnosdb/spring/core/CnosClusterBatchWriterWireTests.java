package io.cnosdb.spring.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.cnosdb.spring.core.batch.CnosBatchWriter;
import io.cnosdb.spring.core.batch.CnosBatchWriterListener;
import io.cnosdb.spring.core.batch.CnosWriteFailure;
import io.cnosdb.spring.core.write.CnosPrecision;
import io.cnosdb.spring.core.write.Point;
import io.cnosdb.spring.testsupport.MockCnosDb;

import static io.cnosdb.spring.testsupport.RecordedAnswers.recorded;
import static io.cnosdb.spring.testsupport.RecordedAnswers.recordedBuilder;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batch writer over a template of two loopback nodes: a node that cannot be reached
 * costs no retry, the batch goes to the other node at once; a node that times out after
 * it was sent a batch leaves it to the writer's retry, which goes to the other node, so
 * the batch may be in the cluster twice, and is never lost.
 */
class CnosClusterBatchWriterWireTests {

	@RegisterExtension
	final MockCnosDb first = new MockCnosDb();

	@RegisterExtension
	final MockCnosDb second = new MockCnosDb();

	private final List<CnosWriteFailure> handedOver = new CopyOnWriteArrayList<>();

	private final AtomicInteger retries = new AtomicInteger();

	private final List<AutoCloseable> closed = new ArrayList<>();

	@AfterEach
	void close() throws Exception {
		for (AutoCloseable closeable : this.closed) {
			closeable.close();
		}
	}

	private CnosBatchWriter writer(String... urls) {
		CnosTemplate template = CnosTemplate.builder()
			.urls(List.of(urls))
			.readTimeout(Duration.ofMillis(300))
			.nodeBackoff(Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ZERO)
			.build();
		CnosBatchWriter writer = CnosBatchWriter.builder(template)
			.retryBackoff(Duration.ZERO, Duration.ZERO)
			.failureHandler(this.handedOver::add)
			.listener(new CnosBatchWriterListener() {

				@Override
				public void batchRetried(int points, Throwable cause) {
					CnosClusterBatchWriterWireTests.this.retries.incrementAndGet();
				}

			})
			.build();
		this.closed.add(template);
		this.closed.add(0, writer);
		return writer;
	}

	private static List<Point> points(int count) {
		List<Point> points = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			points.add(Point.measurement("air")
				.tag("station", "a")
				.field("temperature", 20.0 + i)
				.time(1_700_000_000_000L + i, CnosPrecision.MS));
		}
		return points;
	}

	@Test
	void aBatchForANodeThatRefusesConnectionsGoesToTheNextNodeWithoutARetry() throws Exception {
		String refusing;
		try (MockCnosDb gone = new MockCnosDb()) {
			refusing = gone.url();
		}
		this.second.enqueue(recorded("write"));
		CnosBatchWriter writer = writer(refusing, this.second.url());
		writer.write(points(10));
		writer.flush();
		assertThat(this.second.requestCount()).isOne();
		assertThat(this.second.takeBody().lines()).hasSize(10);
		assertThat(this.retries).hasValue(0);
		assertThat(this.handedOver).isEmpty();
	}

	@Test
	void aBatchWhoseNodeTimesOutAfterTakingItIsRetriedOnTheNextNode() {
		this.first.enqueue(recordedBuilder("write").headersDelay(2, TimeUnit.SECONDS).build());
		this.second.enqueue(recorded("write"));
		CnosBatchWriter writer = writer(this.first.url(), this.second.url());
		writer.write(points(10));
		writer.flush();
		// Sent once to each: the first node may have written it, which for points with a
		// time only overwrites them with the same values.
		assertThat(this.first.requestCount()).isOne();
		assertThat(this.second.requestCount()).isOne();
		assertThat(this.first.takeBody()).isEqualTo(this.second.takeBody());
		assertThat(this.retries).hasValue(1);
		assertThat(this.handedOver).isEmpty();
	}

}
