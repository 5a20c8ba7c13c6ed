package io.cnosdb.spring.core.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.core.batch.CnosBatchWriter.Backpressure;
import io.cnosdb.spring.core.batch.CnosBatchWriterTests.Fault;
import io.cnosdb.spring.core.batch.CnosBatchWriterTests.FaultServer;
import io.cnosdb.spring.core.batch.spool.SpoolSettings;
import io.cnosdb.spring.core.batch.spool.SpoolStatus;
import io.cnosdb.spring.core.batch.spool.SpoolSync;
import io.cnosdb.spring.core.exception.CnosInvalidLineProtocolException;
import io.cnosdb.spring.core.write.CnosPrecision;
import io.cnosdb.spring.core.write.Point;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link CnosBatchWriter} with a spool, against a loopback server that goes
 * down and comes back: points outlive the outage and the writer, are sent in order, once
 * each, and leave the spool only when acknowledged or refused as bad data.
 */
class CnosBatchWriterSpoolTests {

	@TempDir
	Path directory;

	private MockWebServer server;

	private final FaultServer faults = new FaultServer();

	private CnosTemplate template;

	private final List<CnosWriteFailure> failures = Collections.synchronizedList(new ArrayList<>());

	private final AtomicLong dropped = new AtomicLong();

	@BeforeEach
	void start() throws IOException {
		this.server = new MockWebServer();
		this.server.setDispatcher(this.faults);
		this.server.start();
		this.template = CnosTemplate.builder()
			.url(this.server.url("/").toString())
			.database("ocean")
			.readTimeout(Duration.ofMillis(300))
			.build();
	}

	@AfterEach
	void stop() {
		this.faults.release.countDown();
		this.server.close();
	}

	private CnosBatchWriter.Builder writer(long maxSize) {
		return CnosBatchWriter.builder(this.template)
			.spool(SpoolSettings.of(this.directory, maxSize, SpoolSync.INTERVAL, Duration.ofMillis(50)))
			.flushInterval(Duration.ofMillis(20))
			.retryBackoff(Duration.ofMillis(1), Duration.ofMillis(5))
			.closeTimeout(Duration.ofMillis(300))
			.failureHandler(this.failures::add)
			.listener(new CnosBatchWriterListener() {

				@Override
				public void pointsDropped(long points) {
					CnosBatchWriterSpoolTests.this.dropped.addAndGet(points);
				}

			});
	}

	private static List<Point> points(int from, int count) {
		List<Point> points = new ArrayList<>();
		for (int i = from; i < from + count; i++) {
			points.add(Point.measurement("air")
				.tag("station", "s" + (i % 3))
				.field("v", (long) i)
				.time(i, CnosPrecision.NS));
		}
		return points;
	}

	private static List<String> lines(List<Point> points) {
		return points.stream().map(Point::toLineProtocol).toList();
	}

	@Test
	void pointsWrittenDuringAnOutageAreSentOnceEachAndInOrderWhenTheServerComesBack() throws Exception {
		this.faults.down(Fault.UNAVAILABLE);
		List<Point> points = points(0, 1000);
		try (CnosBatchWriter writer = writer(1024 * 1024).batchSize(100).maxRetries(1).build()) {
			writer.write(points);
			awaitRequests(5);
			assertThat(writer.getBufferedPoints()).isEqualTo(1000);
			assertThat(writer.getSpoolStatus().oldestUnacknowledged()).isNotNull();
			this.faults.up();
			writer.flush();
			assertThat(writer.getBufferedPoints()).isZero();
			SpoolStatus status = writer.getSpoolStatus();
			assertThat(status.points()).isZero();
			assertThat(status.segments()).isZero();
			assertThat(status.bytes()).isZero();
			assertThat(status.oldestUnacknowledged()).isNull();
		}
		// Retried past maxRetries: with a spool, a transient failure never hands a batch
		// over.
		assertThat(this.failures).isEmpty();
		assertThat(this.faults.acknowledged).containsExactlyElementsOf(lines(points));
	}

	@Test
	void whatCloseCouldNotSendStaysForTheNextWriterWhichSendsItFirst() {
		this.faults.down(Fault.UNAVAILABLE);
		List<Point> first = points(0, 300);
		try (CnosBatchWriter writer = writer(1024 * 1024).batchSize(100).build()) {
			writer.write(first);
		}
		assertThat(this.failures).isEmpty();
		assertThat(this.faults.acknowledged).isEmpty();
		this.faults.up();
		List<Point> second = points(300, 50);
		try (CnosBatchWriter writer = writer(1024 * 1024).batchSize(100).build()) {
			assertThat(writer.getSpoolStatus().recoveredPoints()).isEqualTo(300);
			writer.write(second);
			writer.flush();
		}
		List<String> expected = new ArrayList<>(lines(first));
		expected.addAll(lines(second));
		assertThat(this.faults.acknowledged).containsExactlyElementsOf(expected);
		assertThat(this.failures).isEmpty();
	}

	@Test
	void aBatchRefusedAsBadDataGoesToTheFailureHandlerAndLeavesTheSpool() {
		this.faults.script(Fault.DATA_ERROR);
		List<Point> points = points(0, 5);
		try (CnosBatchWriter writer = writer(1024 * 1024).build()) {
			writer.write(points);
			writer.flush();
			assertThat(writer.getSpoolStatus().points()).isZero();
		}
		assertThat(this.failures).singleElement().satisfies((failure) -> {
			assertThat(failure.lines()).containsExactlyElementsOf(lines(points));
			assertThat(failure.cause()).isInstanceOf(CnosInvalidLineProtocolException.class);
		});
		try (CnosBatchWriter writer = writer(1024 * 1024).build()) {
			assertThat(writer.getSpoolStatus().recoveredPoints()).isZero();
		}
		assertThat(this.faults.requests).hasValue(1);
	}

	@Test
	void badInputFailsOnTheCallersThreadBeforeAnythingIsSpooled() {
		try (CnosBatchWriter writer = writer(1024 * 1024).build()) {
			List<Point> points = new ArrayList<>(points(0, 3));
			points.add(Point.measurement("air/water").field("v", 1L));
			assertThatIllegalArgumentException().isThrownBy(() -> writer.write(points))
				.withMessageContaining("measurement must not contain '/'");
			assertThat(writer.getSpoolStatus().points()).isZero();
			assertThat(writer.getSpoolStatus().bytes()).isZero();
		}
		assertThat(this.faults.requests).hasValue(0);
	}

	@Test
	void aFullSpoolFailsAWriteWithFailBackpressureSayingWhatWasAccepted() {
		this.faults.down(Fault.UNAVAILABLE);
		try (CnosBatchWriter writer = writer(16 * 1024).backpressure(Backpressure.FAIL).build()) {
			List<Point> points = points(0, 1000);
			assertThatExceptionOfType(CnosWriteBufferFullException.class).isThrownBy(() -> writer.write(points))
				.satisfies((ex) -> {
					assertThat(ex.getPointsAccepted()).isEqualTo(writer.getBufferedPoints()).isPositive();
					assertThat(ex.getPointsAccepted() + ex.getPointsNotAccepted()).isEqualTo(1000);
					assertThat(ex.getMessage()).contains("The spool " + this.directory + " is full");
				});
			assertThat(writer.getSpoolStatus().bytes()).isLessThanOrEqualTo(16 * 1024);
		}
	}

	@Test
	void aFullSpoolDropsItsOldestSegmentWithDropOldestCountingWhatItDropped() {
		this.faults.down(Fault.UNAVAILABLE);
		List<Point> points = points(0, 3000);
		long accepted;
		// Batches far smaller than the spool: the segments of the batch being sent are
		// never dropped.
		try (CnosBatchWriter writer = writer(32 * 1024).batchSize(50).backpressure(Backpressure.DROP_OLDEST).build()) {
			for (Point point : points) {
				writer.write(point);
			}
			SpoolStatus status = writer.getSpoolStatus();
			assertThat(status.droppedPoints()).isPositive().isEqualTo(this.dropped.get());
			assertThat(status.points() + status.droppedPoints()).isEqualTo(3000);
			assertThat(status.bytes()).isLessThanOrEqualTo(32 * 1024);
			accepted = status.points();
			this.faults.up();
			writer.flush();
		}
		List<String> expected = lines(points);
		assertThat(this.faults.acknowledged).hasSize((int) accepted)
			// The newest points are kept, in order.
			.endsWith(expected.subList(expected.size() - 100, expected.size()).toArray(String[]::new));
		assertThat(expected).containsSubsequence(this.faults.acknowledged);
	}

	@Test
	void aBlockedWriteWaitsForRoomAndGoesOnOnceTheServerDrainsTheSpool() throws Exception {
		this.faults.down(Fault.UNAVAILABLE);
		List<Point> points = points(0, 3000);
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try (CnosBatchWriter writer = writer(16 * 1024).blockTimeout(Duration.ofSeconds(30)).build()) {
			CountDownLatch started = new CountDownLatch(1);
			Future<?> writing = executor.submit(() -> {
				started.countDown();
				for (Point point : points) {
					writer.write(point);
				}
			});
			started.await();
			awaitRequests(3);
			assertThat(writing.isDone()).isFalse();
			this.faults.up();
			writing.get(30, TimeUnit.SECONDS);
			writer.flush();
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(this.faults.acknowledged).containsExactlyElementsOf(lines(points));
	}

	@Test
	void concurrentWritersLoseNothing() throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(4);
		List<Point> all = new ArrayList<>();
		try (CnosBatchWriter writer = writer(4 * 1024 * 1024).batchSize(500).build()) {
			List<Future<?>> writes = new ArrayList<>();
			for (int t = 0; t < 4; t++) {
				List<Point> points = points(t * 2500, 2500);
				all.addAll(points);
				writes.add(executor.submit(() -> points.forEach(writer::write)));
			}
			for (Future<?> write : writes) {
				write.get(30, TimeUnit.SECONDS);
			}
			writer.flush();
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(this.faults.acknowledged).containsExactlyInAnyOrderElementsOf(lines(all));
	}

	@Test
	void twoWritersNeverShareASpool() {
		try (CnosBatchWriter writer = writer(1024 * 1024).build()) {
			assertThatIllegalStateException().isThrownBy(() -> writer(1024 * 1024).build())
				.withMessageContaining("The spool directory " + this.directory + " is in use");
		}
	}

	@Test
	void dropOldestNeedsASpool() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CnosBatchWriter.builder(this.template).backpressure(Backpressure.DROP_OLDEST).build())
			.withMessage("backpressure DROP_OLDEST needs a spool: points in memory are never dropped");
	}

	@Test
	void aPointLargerThanTheWholeSpoolIsRefused() {
		try (CnosBatchWriter writer = writer(8 * 1024).build()) {
			Point huge = Point.measurement("air").field("text", "x".repeat(10_000));
			assertThatIllegalArgumentException().isThrownBy(() -> writer.write(huge))
				.withMessageContaining("more than the whole buffer");
			assertThat(writer.getSpoolStatus().points()).isZero();
		}
	}

	private void awaitRequests(int count) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (this.faults.requests.get() < count && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		assertThat(this.faults.requests.get()).isGreaterThanOrEqualTo(count);
	}

}
