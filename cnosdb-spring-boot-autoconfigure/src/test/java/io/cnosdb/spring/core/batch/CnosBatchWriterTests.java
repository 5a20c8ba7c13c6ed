package io.cnosdb.spring.core.batch;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cnosdb.spring.core.exception.CnosInvalidLineProtocolException;
import io.cnosdb.spring.core.exception.CnosTransientException;
import io.cnosdb.spring.core.write.Point;
import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.core.write.CnosPrecision;

import static io.cnosdb.spring.testsupport.RecordedAnswers.handWritten;
import static io.cnosdb.spring.testsupport.RecordedAnswers.recorded;
import static io.cnosdb.spring.testsupport.RecordedAnswers.recordedBuilder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Fault tests of {@link CnosBatchWriter} against a loopback server that breaks
 * connections, answers late, fails with 5xx, rate-limits and refuses data: every accepted
 * point ends up acknowledged by the server exactly as sent, or handed to the failure
 * handler.
 */
class CnosBatchWriterTests {

	private MockWebServer server;

	private final FaultServer faults = new FaultServer();

	private CnosTemplate template;

	private final List<CnosWriteFailure> failures = Collections.synchronizedList(new ArrayList<>());

	private final AtomicInteger retries = new AtomicInteger();

	private final AtomicInteger batchesWritten = new AtomicInteger();

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

	private CnosBatchWriter.Builder writer() {
		return CnosBatchWriter.builder(this.template)
			.flushInterval(Duration.ofHours(1))
			.retryBackoff(Duration.ofMillis(1), Duration.ofMillis(5))
			.failureHandler(this.failures::add)
			.listener(new CnosBatchWriterListener() {

				@Override
				public void batchWritten(int points, int bytes) {
					CnosBatchWriterTests.this.batchesWritten.incrementAndGet();
				}

				@Override
				public void batchRetried(int points, Throwable cause) {
					CnosBatchWriterTests.this.retries.incrementAndGet();
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

	private List<String> failedLines() {
		List<String> lines = new ArrayList<>();
		this.failures.forEach((failure) -> lines.addAll(failure.lines()));
		return lines;
	}

	@Test
	void everyPointIsAcknowledgedOrHandedOverUnderFaults() {
		this.faults.script(Fault.DISCONNECT, Fault.TIMEOUT, Fault.MEMORY_EXHAUSTED, Fault.UNAVAILABLE, Fault.RATE_LIMIT,
				Fault.OK, Fault.OK, Fault.DATA_ERROR);
		List<Point> points = points(0, 1000);
		try (CnosBatchWriter writer = writer().batchSize(100).maxRetries(10).build()) {
			for (Point point : points) {
				writer.write(point);
			}
			writer.flush();
			assertThat(writer.getBufferedPoints()).isZero();
			assertThat(writer.getBufferedBytes()).isZero();
		}
		List<String> accounted = new ArrayList<>(this.faults.acknowledged);
		accounted.addAll(failedLines());
		assertThat(accounted).containsExactlyInAnyOrderElementsOf(lines(points));
		assertThat(this.faults.acknowledged).hasSize(900);
		assertThat(this.failures).singleElement().satisfies((failure) -> {
			assertThat(failure.lines()).hasSize(100);
			assertThat(failure.attempts()).isOne();
			assertThat(failure.cause()).isInstanceOf(CnosInvalidLineProtocolException.class);
			assertThat(failure.isTransient()).isFalse();
			assertThat(failure.database()).isEqualTo("ocean");
		});
		assertThat(this.retries).hasValue(5);
		assertThat(this.batchesWritten).hasValue(9);
		// 10 batches, 5 of the requests repeated after transient faults.
		assertThat(this.faults.requests).hasValue(15);
	}

	@Test
	void anEmptyServerErrorIsNotRetried() {
		// CnosDB 2.3 and 2.4.0 answer a line-protocol syntax error with an empty 500:
		// sending
		// the same batch again cannot help, and the translator does not call it
		// transient.
		this.faults.script(Fault.SERVER_ERROR);
		try (CnosBatchWriter writer = writer().batchSize(100).maxRetries(10).build()) {
			writer.write(points(0, 100));
			writer.flush();
		}
		assertThat(this.faults.requests).hasValue(1);
		assertThat(this.failures).singleElement().satisfies((failure) -> {
			assertThat(failure.attempts()).isOne();
			assertThat(failure.isTransient()).isFalse();
		});
	}

	@Test
	void aDataErrorIsNotRetried() {
		this.faults.script(Fault.DATA_ERROR);
		List<Point> points = points(0, 5);
		try (CnosBatchWriter writer = writer().build()) {
			writer.write(points);
		}
		assertThat(this.faults.requests).hasValue(1);
		assertThat(this.retries).hasValue(0);
		assertThat(this.failures).singleElement().satisfies((failure) -> {
			assertThat(failure.lines()).containsExactlyElementsOf(lines(points));
			assertThat(failure.precision()).isEqualTo(CnosPrecision.NS);
		});
	}

	@Test
	void exhaustedRetriesHandTheBatchOver() {
		this.faults.script(Fault.UNAVAILABLE, Fault.RATE_LIMIT, Fault.DISCONNECT);
		List<Point> points = points(0, 3);
		try (CnosBatchWriter writer = writer().maxRetries(2).build()) {
			writer.write(points);
			writer.flush();
			assertThat(this.failures).singleElement().satisfies((failure) -> {
				assertThat(failure.attempts()).isEqualTo(3);
				assertThat(failure.isTransient()).isTrue();
				assertThat(failure.lines()).containsExactlyElementsOf(lines(points));
			});
		}
		assertThat(this.faults.requests).hasValue(3);
		assertThat(this.retries).hasValue(2);
		assertThat(this.faults.acknowledged).isEmpty();
	}

	@Test
	void rateLimitIsRetried() {
		this.faults.script(Fault.RATE_LIMIT);
		try (CnosBatchWriter writer = writer().build()) {
			writer.write(points(0, 2));
		}
		assertThat(this.faults.acknowledged).hasSize(2);
		assertThat(this.failures).isEmpty();
		assertThat(
				io.cnosdb.spring.core.exception.DefaultCnosExceptionTranslator.isTransient(new CnosTransientException(
						"x", new io.cnosdb.spring.core.exception.CnosErrorResponse(422, "030024", "limit"))))
			.isTrue();
	}

	@Test
	void closeWritesEverythingAccepted() {
		CnosBatchWriter writer = writer().batchSize(1000).build();
		writer.write(points(0, 10));
		assertThat(this.faults.requests).hasValue(0);
		writer.close();
		assertThat(this.faults.acknowledged).containsExactlyElementsOf(lines(points(0, 10)));
		assertThat(writer.getBufferedPoints()).isZero();
		writer.close();
		assertThatIllegalStateException().isThrownBy(() -> writer.write(points(10, 1))).withMessageContaining("closed");
	}

	@Test
	void sendsOnceTheFlushIntervalPasses() throws InterruptedException {
		try (CnosBatchWriter writer = writer().flushInterval(Duration.ofMillis(20)).build()) {
			writer.write(points(0, 1));
			RecordedRequest request = this.server.takeRequest(5, TimeUnit.SECONDS);
			assertThat(request).isNotNull();
			assertThat(request.getBody().utf8()).isEqualTo(lines(points(0, 1)).get(0) + "\n");
			assertThat(request.getUrl().queryParameter("precision")).isEqualTo("ns");
		}
	}

	@Test
	void sendsFullBatchesWithoutWaiting() throws InterruptedException {
		try (CnosBatchWriter writer = writer().batchSize(4).build()) {
			writer.write(points(0, 4));
			assertThat(this.server.takeRequest(5, TimeUnit.SECONDS)).isNotNull();
		}
	}

	@Test
	void failsAtOnceWhenFullWithFailBackpressure() {
		this.faults.stallWrites();
		CnosBatchWriter writer = writer().batchSize(5)
			.bufferLimit(10)
			.backpressure(CnosBatchWriter.Backpressure.FAIL)
			.build();
		writer.write(points(0, 8));
		assertThatExceptionOfType(CnosWriteBufferFullException.class).isThrownBy(() -> writer.write(points(8, 5)))
			.satisfies((ex) -> {
				assertThat(ex.getPointsAccepted()).isEqualTo(2);
				assertThat(ex.getPointsNotAccepted()).isEqualTo(3);
			})
			.withMessageContaining("2 of 5 point(s) were accepted");
		this.faults.release.countDown();
		writer.close();
		assertThat(this.faults.acknowledged).containsExactlyInAnyOrderElementsOf(lines(points(0, 10)));
	}

	@Test
	void blocksForRoomThenFailsAfterTheTimeout() throws Exception {
		this.faults.stallWrites();
		CnosBatchWriter writer = writer().batchSize(5).bufferLimit(5).blockTimeout(Duration.ofMillis(50)).build();
		writer.write(points(0, 5));
		assertThatExceptionOfType(CnosWriteBufferFullException.class).isThrownBy(() -> writer.write(points(5, 1)))
			.withMessageContaining("after waiting 50 ms");
		this.faults.release.countDown();
		writer.close();
		assertThat(writer.getBufferedPoints()).isZero();
		assertThat(this.faults.acknowledged).hasSize(5);
	}

	@Test
	void aBlockedWriteProceedsOnceThereIsRoom() throws Exception {
		this.faults.stallWrites();
		CnosBatchWriter writer = writer().batchSize(5).bufferLimit(5).blockTimeout(Duration.ofSeconds(10)).build();
		writer.write(points(0, 5));
		CountDownLatch started = new CountDownLatch(1);
		CompletableFuture<Void> blocked = CompletableFuture.runAsync(() -> {
			started.countDown();
			writer.write(points(5, 1));
		});
		started.await();
		assertThat(blocked).isNotDone();
		this.faults.release.countDown();
		blocked.get(5, TimeUnit.SECONDS);
		writer.close();
		assertThat(this.faults.acknowledged).containsExactlyInAnyOrderElementsOf(lines(points(0, 6)));
	}

	@Test
	void refusesAPointThatCannotBeWrittenAtOnce() {
		try (CnosBatchWriter writer = writer().build()) {
			List<Point> points = new ArrayList<>(points(0, 2));
			points.add(Point.measurement("air").field("v", "\uD800"));
			assertThatIllegalArgumentException().isThrownBy(() -> writer.write(points));
			assertThat(writer.getBufferedPoints()).isZero();
		}
		assertThat(this.faults.requests).hasValue(0);
	}

	@Test
	void aPointRefusedInOneWriteLeavesNothingForTheNext() {
		try (CnosBatchWriter writer = writer().build()) {
			List<Point> refused = new ArrayList<>(points(0, 2));
			refused.add(Point.measurement("air").field("v", "\uD800"));
			assertThatIllegalArgumentException().isThrownBy(() -> writer.write(refused));
			writer.write(points(10, 1).get(0));
			writer.write(points(11, 2));
		}
		assertThat(this.faults.acknowledged).containsExactlyElementsOf(lines(points(10, 3)));
	}

	@Test
	void aBatchFilledAfterALongerOneHoldsOnlyItsOwnLines() {
		List<Point> longer = List
			.of(Point.measurement("air").tag("station", "x".repeat(200)).field("v", 1L).time(1, CnosPrecision.NS));
		List<Point> shorter = points(0, 2);
		try (CnosBatchWriter writer = writer().build()) {
			for (int round = 0; round < 3; round++) {
				writer.write(longer);
				writer.flush();
				writer.write(shorter);
				writer.flush();
			}
		}
		List<String> expected = new ArrayList<>();
		for (int round = 0; round < 3; round++) {
			expected.addAll(lines(longer));
			expected.addAll(lines(shorter));
		}
		assertThat(this.faults.acknowledged).containsExactlyElementsOf(expected);
		assertThat(this.faults.requests).hasValue(6);
	}

	@Test
	void aFailedBatchFilledAfterAnotherHandsOverOnlyItsOwnLines() {
		this.faults.script(Fault.OK, Fault.DATA_ERROR);
		try (CnosBatchWriter writer = writer().build()) {
			writer.write(points(0, 5));
			writer.flush();
			writer.write(points(100, 2));
			writer.flush();
		}
		assertThat(this.faults.acknowledged).containsExactlyElementsOf(lines(points(0, 5)));
		assertThat(failedLines()).containsExactlyElementsOf(lines(points(100, 2)));
	}

	@Test
	void aFailingHandlerDoesNotStopTheWriter() {
		this.faults.script(Fault.DATA_ERROR);
		try (CnosBatchWriter writer = CnosBatchWriter.builder(this.template).failureHandler((failure) -> {
			throw new IllegalStateException("handler broke");
		}).build()) {
			writer.write(points(0, 1));
			writer.flush();
			writer.write(points(1, 1));
		}
		assertThat(this.faults.acknowledged).containsExactlyElementsOf(lines(points(1, 1)));
	}

	@Test
	void anErrorInTheFailureHandlerNeitherHangsFlushNorStrandsLaterPoints() {
		this.faults.script(Fault.DATA_ERROR);
		AtomicInteger handled = new AtomicInteger();
		try (CnosBatchWriter writer = writer().batchSize(1).failureHandler((failure) -> {
			handled.incrementAndGet();
			throw new AssertionError("handler bug");
		}).build()) {
			writer.write(points(0, 1));
			writer.flush();
			writer.write(points(1, 1));
			writer.flush();
			assertThat(writer.getBufferedPoints()).isZero();
		}
		assertThat(handled).hasValue(1);
		assertThat(this.faults.acknowledged).containsExactlyElementsOf(lines(points(1, 1)));
	}

	@Test
	void aListenerFailingAfterAnAcknowledgedBatchDoesNotFailOrResendIt() {
		try (CnosBatchWriter writer = writer().batchSize(2).listener(new CnosBatchWriterListener() {

			@Override
			public void batchWritten(int points, int bytes) {
				throw new org.springframework.dao.DataAccessResourceFailureException("metrics backend down");
			}

		}).build()) {
			writer.write(points(0, 2));
			writer.flush();
		}
		assertThat(this.failures).isEmpty();
		assertThat(this.faults.requests).hasValue(1);
		assertThat(this.faults.acknowledged).containsExactlyElementsOf(lines(points(0, 2)));
	}

	@Test
	void aFullBufferSendsThePartialBatchInsteadOfWaitingForTheInterval() {
		List<Point> points = points(0, 25);
		try (CnosBatchWriter writer = writer().bufferLimit(10)
			.batchSize(10)
			.blockTimeout(Duration.ofSeconds(5))
			.build()) {
			writer.write(points);
			writer.flush();
		}
		assertThat(this.faults.acknowledged).containsExactlyElementsOf(lines(points));
	}

	@Test
	void batchLargerThanTheBufferIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> writer().bufferLimit(10).batchSize(100).build())
			.withMessageContaining("bufferLimit");
	}

	@Test
	void closeTimeoutHandsUnsentBatchesToTheFailureHandler() {
		this.faults.stallWrites();
		List<Point> points = points(0, 30);
		CnosBatchWriter writer = writer().batchSize(10).closeTimeout(Duration.ofMillis(200)).build();
		writer.write(points);
		long start = System.nanoTime();
		writer.close();
		// The request in flight ends within the 300 ms read timeout; nothing waits for
		// retries.
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		List<String> handled = failedLines();
		assertThat(handled).hasSize(30 - this.faults.acknowledged.size());
		List<String> all = new ArrayList<>(this.faults.acknowledged);
		all.addAll(handled);
		assertThat(all).containsExactlyInAnyOrderElementsOf(lines(points));
	}

	@Test
	void aHandlerThatWaitsPastTheCloseTimeoutGetsEveryBatch() throws Exception {
		this.faults.stallWrites();
		List<Point> points = points(0, 30);
		// Room for one batch: the handler waits in put() for the consumer, well past the
		// close timeout.
		BlockingQueue<CnosWriteFailure> queue = new ArrayBlockingQueue<>(1);
		CnosBatchWriter writer = writer().batchSize(10)
			.closeTimeout(Duration.ofMillis(200))
			.failureHandler((failure) -> {
				try {
					queue.put(failure);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("The failure handler was interrupted", ex);
				}
			})
			.build();
		writer.write(points);
		List<String> handled = Collections.synchronizedList(new ArrayList<>());
		CompletableFuture<Void> consumer = CompletableFuture.runAsync(() -> {
			try {
				Thread.sleep(1000);
				CnosWriteFailure failure;
				while ((failure = queue.poll(2, TimeUnit.SECONDS)) != null) {
					handled.addAll(failure.lines());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		writer.close();
		consumer.get(30, TimeUnit.SECONDS);
		List<String> all = new ArrayList<>(this.faults.acknowledged);
		all.addAll(handled);
		assertThat(all).containsExactlyInAnyOrderElementsOf(lines(points));
	}

	enum Fault {

		OK, DISCONNECT, TIMEOUT, SERVER_ERROR, UNAVAILABLE, RATE_LIMIT, MEMORY_EXHAUSTED, DATA_ERROR

	}

	/**
	 * Answers writes following a script of faults, then OK; records the lines it
	 * acknowledged.
	 */
	static final class FaultServer extends Dispatcher {

		final ConcurrentLinkedQueue<Fault> script = new ConcurrentLinkedQueue<>();

		final List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());

		final AtomicInteger requests = new AtomicInteger();

		final CountDownLatch release = new CountDownLatch(1);

		private volatile boolean stall;

		/** The answer to every write while the server is down, or {@code null}. */
		private volatile @Nullable Fault down;

		void script(Fault... faults) {
			this.script.addAll(List.of(faults));
		}

		/** Answers every write with the fault until {@link #up()}. */
		void down(Fault fault) {
			this.down = fault;
		}

		void up() {
			this.down = null;
		}

		void stallWrites() {
			this.stall = true;
		}

		@Override
		public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
			this.requests.incrementAndGet();
			if (this.stall) {
				this.release.await(10, TimeUnit.SECONDS);
			}
			Fault fault = (this.down != null) ? this.down : this.script.poll();
			return switch ((fault != null) ? fault : Fault.OK) {
				case OK -> {
					for (String line : request.getBody().utf8().split("\n")) {
						this.acknowledged.add(line);
					}
					yield recorded("write");
				}
				case DISCONNECT ->
					new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
				// Later than the client's read timeout of 300 ms.
				case TIMEOUT -> recordedBuilder("write").headersDelay(1, TimeUnit.SECONDS).build();
				case SERVER_ERROR -> recorded("internal-server-error");
				case UNAVAILABLE -> handWritten("proxy-unavailable");
				case RATE_LIMIT -> recorded("rate-limit");
				case MEMORY_EXHAUSTED -> handWritten("memory-exhausted");
				case DATA_ERROR -> recorded("line-protocol-error");
			};
		}

	}

}
