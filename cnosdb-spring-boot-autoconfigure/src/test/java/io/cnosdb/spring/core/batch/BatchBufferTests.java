package io.cnosdb.spring.core.batch;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.cnosdb.spring.core.batch.CnosBatchWriter.Backpressure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Tests for {@link BatchBuffer}: what it counts, when it hands a batch over, what a full
 * buffer does, and the reuse of completed batches. Nothing is sent: the tests take and
 * complete batches as the flush thread would.
 */
class BatchBufferTests {

	private static final Duration NEVER = Duration.ofHours(1);

	@Test
	void countsPointsAndBytesUntilTheirBatchIsCompleted() {
		BatchBuffer buffer = new BatchBuffer(3, 1024, 10, 1024, NEVER, Backpressure.FAIL, Duration.ZERO);
		Lines lines = lines("air v=1i 1", "air v=2i 2", "air v=3i 3");
		add(buffer, lines);
		assertThat(buffer.bufferedPoints()).isEqualTo(3);
		assertThat(buffer.bufferedBytes()).isEqualTo(lines.bytes.length);
		Batch batch = takeReady(buffer);
		assertThat(batch.lines()).containsExactly("air v=1i 1", "air v=2i 2", "air v=3i 3");
		assertThat(batch.size()).isEqualTo(lines.bytes.length);
		// Taken to be sent, still held: the limits cover the batch in flight.
		assertThat(buffer.bufferedPoints()).isEqualTo(3);
		buffer.complete(batch);
		assertThat(buffer.bufferedPoints()).isZero();
		assertThat(buffer.bufferedBytes()).isZero();
	}

	@Test
	void handsABatchOverOnceItReachesTheByteLimit() {
		Lines lines = lines("air v=1i 1", "air v=2i 2", "air v=3i 3");
		int twoLines = lines.ends[1];
		BatchBuffer buffer = new BatchBuffer(100, twoLines, 100, 1024, NEVER, Backpressure.FAIL, Duration.ZERO);
		add(buffer, lines);
		assertThat(takeReady(buffer).lines()).containsExactly("air v=1i 1", "air v=2i 2");
		assertThat(buffer.bufferedPoints()).isEqualTo(3);
	}

	@Test
	void handsTheBatchBeingFilledOverOnceItsFirstPointIsFlushIntervalOld() {
		BatchBuffer buffer = new BatchBuffer(100, 1024, 100, 1024, Duration.ofNanos(1), Backpressure.FAIL,
				Duration.ZERO);
		add(buffer, lines("air v=1i 1"));
		assertThat(takeReady(buffer).lines()).containsExactly("air v=1i 1");
	}

	@Test
	void failBackpressureRefusesWhatDoesNotFitAndHandsOverThePartialBatch() {
		BatchBuffer buffer = new BatchBuffer(3, 1024, 4, 1024, NEVER, Backpressure.FAIL, NEVER);
		add(buffer, lines("air v=1i 1", "air v=2i 2"));
		assertThatExceptionOfType(CnosWriteBufferFullException.class)
			.isThrownBy(() -> add(buffer, lines("air v=3i 3", "air v=4i 4", "air v=5i 5")))
			.satisfies((ex) -> {
				assertThat(ex.getPointsAccepted()).isEqualTo(2);
				assertThat(ex.getPointsNotAccepted()).isOne();
			})
			.withMessageContaining("limits 4 point(s), 1024 bytes): 2 of 3 point(s) were accepted")
			.withMessageNotContaining("after waiting");
		assertThat(buffer.bufferedPoints()).isEqualTo(4);
		// The full batch, then the partial one, without waiting for the flush interval.
		assertThat(takeReady(buffer).points()).isEqualTo(3);
		assertThat(takeReady(buffer).lines()).containsExactly("air v=4i 4");
	}

	@Test
	void theByteLimitCountsLikeThePointLimit() {
		Lines lines = lines("air v=1i 1", "air v=2i 2");
		BatchBuffer buffer = new BatchBuffer(10, 1024, 10, lines.ends[0], NEVER, Backpressure.FAIL, NEVER);
		assertThatExceptionOfType(CnosWriteBufferFullException.class).isThrownBy(() -> add(buffer, lines))
			.satisfies((ex) -> assertThat(ex.getPointsAccepted()).isOne());
		assertThat(buffer.bufferedBytes()).isEqualTo(lines.ends[0]);
	}

	@Test
	void blockBackpressureWithNoTimeToWaitFailsAtOnce() {
		BatchBuffer buffer = new BatchBuffer(1, 1024, 1, 1024, NEVER, Backpressure.BLOCK, Duration.ZERO);
		add(buffer, lines("air v=1i 1"));
		assertThatExceptionOfType(CnosWriteBufferFullException.class).isThrownBy(() -> add(buffer, lines("air v=2i 2")))
			.withMessageContaining("after waiting 0 ms");
	}

	@Test
	void aBlockedAddProceedsOnceABatchIsCompleted() throws Exception {
		BatchBuffer buffer = new BatchBuffer(1, 1024, 1, 1024, NEVER, Backpressure.BLOCK, NEVER);
		add(buffer, lines("air v=1i 1"));
		CompletableFuture<Void> blocked = CompletableFuture.runAsync(() -> add(buffer, lines("air v=2i 2")));
		Batch first = takeReady(buffer);
		assertThat(blocked).isNotDone();
		buffer.complete(first);
		blocked.get(30, TimeUnit.SECONDS);
		assertThat(takeReady(buffer).lines()).containsExactly("air v=2i 2");
	}

	@Test
	void closingFailsAnAddWaitingForRoom() {
		BatchBuffer buffer = new BatchBuffer(1, 1024, 1, 1024, NEVER, Backpressure.BLOCK, NEVER);
		add(buffer, lines("air v=1i 1"));
		CompletableFuture<Void> blocked = CompletableFuture.runAsync(() -> add(buffer, lines("air v=2i 2")));
		buffer.close();
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> blocked.get(30, TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOf(IllegalStateException.class)
			.withMessageContaining("closed; 0 of 1 point(s) were accepted");
		assertThat(buffer.bufferedPoints()).isOne();
	}

	@Test
	void aClosedBufferRefusesPointsAndEndsAfterTheLastBatch() {
		BatchBuffer buffer = new BatchBuffer(100, 1024, 100, 1024, NEVER, Backpressure.BLOCK, NEVER);
		add(buffer, lines("air v=1i 1", "air v=2i 2"));
		buffer.close();
		assertThatIllegalStateException().isThrownBy(() -> add(buffer, lines("air v=3i 3")))
			.withMessageContaining("closed");
		Batch last = takeReady(buffer);
		assertThat(last.points()).isEqualTo(2);
		buffer.complete(last);
		assertThat(takeReady(buffer)).isNull();
		buffer.close();
	}

	@Test
	void completedBatchesAreReusedAndHoldOnlyTheirOwnLines() {
		BatchBuffer buffer = new BatchBuffer(1, 1024, 10, 1024, NEVER, Backpressure.FAIL, NEVER);
		add(buffer, lines("air,station=" + "x".repeat(100) + " v=1i 1"));
		Batch first = takeReady(buffer);
		buffer.complete(first);
		add(buffer, lines("air v=2i 2"));
		Batch second = takeReady(buffer);
		buffer.complete(second);
		add(buffer, lines("air v=3i 3"));
		Batch third = takeReady(buffer);
		assertThat(third).isSameAs(first);
		assertThat(third.lines()).containsExactly("air v=3i 3");
	}

	@Test
	void awaitCompletedReturnsOnceEveryBatchIsCompleted() throws Exception {
		BatchBuffer buffer = new BatchBuffer(100, 1024, 100, 1024, NEVER, Backpressure.BLOCK, NEVER);
		add(buffer, lines("air v=1i 1"));
		CompletableFuture<Void> flush = CompletableFuture.runAsync(() -> buffer.awaitCompleted(() -> true));
		// awaitCompleted hands the batch being filled over: it is ready without waiting.
		Batch batch = takeReady(buffer);
		assertThat(flush).isNotDone();
		buffer.complete(batch);
		flush.get(30, TimeUnit.SECONDS);
		assertThat(buffer.bufferedPoints()).isZero();
	}

	@Test
	void awaitCompletedFailsWhenNothingSendsAnyMore() {
		BatchBuffer buffer = new BatchBuffer(100, 1024, 100, 1024, NEVER, Backpressure.BLOCK, NEVER);
		add(buffer, lines("air v=1i 1"));
		assertThatIllegalStateException().isThrownBy(() -> buffer.awaitCompleted(() -> false))
			.withMessageContaining("1 point(s) are still buffered");
	}

	/** A batch that is ready now; the timeout only keeps a broken buffer from hanging. */
	private static Batch takeReady(BatchBuffer buffer) {
		return assertTimeoutPreemptively(Duration.ofSeconds(30), buffer::next);
	}

	private static void add(BatchBuffer buffer, Lines lines) {
		buffer.add(lines.bytes, lines.ends, lines.ends.length);
	}

	private static Lines lines(String... lines) {
		StringBuilder text = new StringBuilder();
		List<Integer> ends = new ArrayList<>();
		for (String line : lines) {
			text.append(line).append('\n');
			ends.add(text.length());
		}
		return new Lines(text.toString().getBytes(StandardCharsets.UTF_8),
				ends.stream().mapToInt(Integer::intValue).toArray());
	}

	private record Lines(byte[] bytes, int[] ends) {

	}

}
