package io.cnosdb.spring.core.batch;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.cnosdb.spring.core.exception.CnosInvalidLineProtocolException;
import io.cnosdb.spring.core.exception.CnosErrorResponse;
import io.cnosdb.spring.core.exception.CnosTransientException;
import io.cnosdb.spring.core.exception.DefaultCnosExceptionTranslator;
import io.cnosdb.spring.core.write.CnosPrecision;
import io.cnosdb.spring.core.write.LineProtocolSender;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.util.backoff.BackOffExecution;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BatchSender} and its retry policy, against a scripted
 * {@link LineProtocolSender}: what is sent again and how often, what reaches the failure
 * handler and the listener, and what abandoning does. Back-offs are zero, or so long that
 * a test would hang if one were waited out.
 */
class BatchSenderTests {

	private static final Duration NONE = Duration.ZERO;

	private final ScriptedTarget target = new ScriptedTarget();

	private final List<CnosWriteFailure> failures = Collections.synchronizedList(new ArrayList<>());

	private final List<Throwable> retryCauses = Collections.synchronizedList(new ArrayList<>());

	private final AtomicInteger written = new AtomicInteger();

	private final AtomicInteger failed = new AtomicInteger();

	private final CnosBatchWriterListener listener = new CnosBatchWriterListener() {

		@Override
		public void batchWritten(int points, int bytes) {
			BatchSenderTests.this.written.incrementAndGet();
		}

		@Override
		public void batchRetried(int points, Throwable cause) {
			BatchSenderTests.this.retryCauses.add(cause);
		}

		@Override
		public void batchFailed(int points, Throwable cause) {
			BatchSenderTests.this.failed.incrementAndGet();
		}

	};

	@Test
	void sendsATransientlyFailingBatchAgainUntilItIsAcknowledged() {
		RuntimeException first = rateLimited();
		RuntimeException second = new DataAccessResourceFailureException("connection reset");
		this.target.fail(first, second);
		sender(BatchSender.retryPolicy(5, NONE, NONE)).send(batch("air v=1i 1", "air v=2i 2"));
		assertThat(this.target.attempts).hasValue(3);
		assertThat(this.target.bodies).containsOnly("air v=1i 1\nair v=2i 2\n");
		assertThat(this.retryCauses).containsExactly(first, second);
		assertThat(this.written).hasValue(1);
		assertThat(this.failures).isEmpty();
		assertThat(this.failed).hasValue(0);
	}

	@Test
	void handsOverAtOnceWhatIsNotTransient() {
		RuntimeException refused = lineProtocolError();
		this.target.fail(refused);
		sender(BatchSender.retryPolicy(5, NONE, NONE)).send(batch("air v=1i 1"));
		assertThat(this.target.attempts).hasValue(1);
		assertThat(this.retryCauses).isEmpty();
		assertThat(this.failures).singleElement().satisfies((failure) -> {
			assertThat(failure.cause()).isSameAs(refused);
			assertThat(failure.attempts()).isOne();
			assertThat(failure.lines()).containsExactly("air v=1i 1");
			assertThat(failure.database()).isEqualTo("ocean");
			assertThat(failure.tenant()).isEqualTo("cnosdb");
			assertThat(failure.precision()).isEqualTo(CnosPrecision.MS);
		});
		assertThat(this.failed).hasValue(1);
		assertThat(this.written).hasValue(0);
	}

	@Test
	void neverSendsAgainAfterAnError() {
		AssertionError error = new AssertionError("bug");
		this.target.fail(error);
		sender(BatchSender.retryPolicy(5, NONE, NONE)).send(batch("air v=1i 1"));
		assertThat(this.target.attempts).hasValue(1);
		assertThat(this.failures).singleElement().satisfies((failure) -> assertThat(failure.cause()).isSameAs(error));
	}

	@Test
	void handsTheBatchOverOnceMaxRetriesAreSpent() {
		RuntimeException last = rateLimited();
		this.target.fail(rateLimited(), rateLimited(), rateLimited(), last);
		sender(BatchSender.retryPolicy(3, NONE, NONE)).send(batch("air v=1i 1"));
		assertThat(this.target.attempts).hasValue(4);
		assertThat(this.retryCauses).hasSize(3);
		assertThat(this.failures).singleElement().satisfies((failure) -> {
			assertThat(failure.cause()).isSameAs(last);
			assertThat(failure.attempts()).isEqualTo(4);
			assertThat(failure.isTransient()).isTrue();
		});
	}

	@Test
	void zeroMaxRetriesSendsOnce() {
		this.target.fail(rateLimited());
		sender(BatchSender.retryPolicy(0, NONE, NONE)).send(batch("air v=1i 1"));
		assertThat(this.target.attempts).hasValue(1);
		assertThat(this.failures).singleElement().satisfies((failure) -> assertThat(failure.attempts()).isOne());
	}

	@Test
	void stopsRetryingWhenTheBackOffWouldOutlastThePolicysTimeout() {
		// Spring's RetryTemplate gives up before a back-off that would end past the
		// timeout, rather than sleeping through it.
		RetryPolicy policy = RetryPolicy.builder()
			.predicate(DefaultCnosExceptionTranslator::isTransient)
			.delay(Duration.ofHours(1))
			.timeout(Duration.ofMinutes(1))
			.build();
		RuntimeException failure = rateLimited();
		this.target.fail(failure);
		sender(policy).send(batch("air v=1i 1"));
		assertThat(this.target.attempts).hasValue(1);
		assertThat(this.failures).singleElement().satisfies((handed) -> {
			assertThat(handed.cause()).isSameAs(failure);
			assertThat(handed.attempts()).isOne();
		});
	}

	@Test
	void anAbandonedSenderHandsBatchesOverUnsent() {
		BatchSender sender = sender(BatchSender.retryPolicy(5, NONE, NONE));
		sender.abandon();
		sender.send(batch("air v=1i 1"));
		assertThat(this.target.attempts).hasValue(0);
		assertThat(this.failures).singleElement().satisfies((failure) -> {
			assertThat(failure.attempts()).isZero();
			assertThat(failure.cause()).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("closed before this batch could be sent (close timeout 30000 ms)");
		});
		assertThat(this.written).hasValue(0);
	}

	@Test
	void abandoningEndsABackOffWithoutInterruptingTheHandler() throws Exception {
		CountDownLatch firstAttempt = new CountDownLatch(1);
		RuntimeException failure = rateLimited();
		LineProtocolSender failing = (bytes, length, precision, what) -> {
			firstAttempt.countDown();
			throw failure;
		};
		AtomicBoolean handlerInterrupted = new AtomicBoolean(true);
		BatchSender sender = new BatchSender(failing, "ocean", "cnosdb", CnosPrecision.NS,
				BatchSender.retryPolicy(5, Duration.ofHours(1), Duration.ofHours(1)), (handed) -> {
					handlerInterrupted.set(Thread.currentThread().isInterrupted());
					this.failures.add(handed);
				}, this.listener, Duration.ofSeconds(30), BatchObservations.NONE, false);
		CompletableFuture<Boolean> interruptedAfterwards = new CompletableFuture<>();
		Thread flushThread = new Thread(() -> {
			sender.send(batch("air v=1i 1"));
			interruptedAfterwards.complete(Thread.currentThread().isInterrupted());
		});
		flushThread.start();
		assertThat(firstAttempt.await(30, TimeUnit.SECONDS)).isTrue();
		// Whether the flush thread already sleeps or is about to: the back-off ends.
		sender.abandon();
		assertThat(interruptedAfterwards.get(30, TimeUnit.SECONDS)).isFalse();
		assertThat(handlerInterrupted).isFalse();
		assertThat(this.retryCauses).isEmpty();
		assertThat(this.failures).singleElement().satisfies((handed) -> {
			assertThat(handed.cause()).isSameAs(failure);
			assertThat(handed.attempts()).isOne();
		});
		flushThread.join();
	}

	@Test
	void aFailingListenerChangesNothing() {
		this.target.fail(rateLimited());
		CnosBatchWriterListener broken = new CnosBatchWriterListener() {

			@Override
			public void batchWritten(int points, int bytes) {
				throw new IllegalStateException("metrics backend down");
			}

			@Override
			public void batchRetried(int points, Throwable cause) {
				throw new IllegalStateException("metrics backend down");
			}

		};
		new BatchSender(this.target, "ocean", "cnosdb", CnosPrecision.NS, BatchSender.retryPolicy(5, NONE, NONE),
				this.failures::add, broken, Duration.ofSeconds(30), BatchObservations.NONE, false)
			.send(batch("air v=1i 1"));
		assertThat(this.target.attempts).hasValue(2);
		assertThat(this.failures).isEmpty();
	}

	@Test
	void retriesExactlyWhatTheTranslatorCallsTransient() {
		RetryPolicy policy = BatchSender.retryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(10));
		assertThat(policy.shouldRetry(rateLimited())).isTrue();
		assertThat(policy.shouldRetry(new DataAccessResourceFailureException("connection refused"))).isTrue();
		assertThat(policy.shouldRetry(lineProtocolError())).isFalse();
		assertThat(policy.shouldRetry(new IllegalStateException("closed"))).isFalse();
		assertThat(policy.shouldRetry(new AssertionError("bug"))).isFalse();
		assertThat(policy.getTimeout()).isZero();
	}

	@Test
	void backOffDoublesUpToTheMaxWithJitterOfHalfOfEach() {
		long initial = 200;
		long max = 10_000;
		RetryPolicy policy = BatchSender.retryPolicy(8, Duration.ofMillis(initial), Duration.ofMillis(max));
		Set<Long> atTheMax = new HashSet<>();
		for (int run = 0; run < 200; run++) {
			BackOffExecution backOff = policy.getBackOff().start();
			long delay = initial;
			for (int retry = 1; retry <= 8; retry++) {
				long next = backOff.nextBackOff();
				assertThat(next).isBetween(Math.max(delay / 2, initial), Math.min(delay + delay / 2, max));
				if (delay == max) {
					atTheMax.add(next);
				}
				delay = Math.min(delay * 2, max);
			}
			assertThat(backOff.nextBackOff()).isEqualTo(BackOffExecution.STOP);
		}
		// 400 random draws between 5 s and 10 s: the jitter is there.
		assertThat(atTheMax).hasSizeGreaterThan(1);
	}

	@Test
	void aZeroBackOffIsAllowed() {
		BackOffExecution backOff = BatchSender.retryPolicy(2, NONE, NONE).getBackOff().start();
		assertThat(backOff.nextBackOff()).isZero();
		assertThat(backOff.nextBackOff()).isZero();
		assertThat(backOff.nextBackOff()).isEqualTo(BackOffExecution.STOP);
	}

	private BatchSender sender(RetryPolicy policy) {
		return new BatchSender(this.target, "ocean", "cnosdb", CnosPrecision.MS, policy, this.failures::add,
				this.listener, Duration.ofSeconds(30), BatchObservations.NONE, false);
	}

	private static Batch batch(String... lines) {
		Batch batch = new Batch();
		for (String line : lines) {
			byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
			batch.add(bytes, 0, bytes.length);
		}
		return batch;
	}

	private static CnosTransientException rateLimited() {
		return new CnosTransientException("rate limit reached", new CnosErrorResponse(422, "030024", "limit"));
	}

	private static CnosInvalidLineProtocolException lineProtocolError() {
		return new CnosInvalidLineProtocolException("invalid line protocol",
				new CnosErrorResponse(422, "040004", "syntax"));
	}

	/** Fails with the scripted failures in turn, then acknowledges; records each body. */
	static final class ScriptedTarget implements LineProtocolSender {

		final ConcurrentLinkedQueue<Throwable> script = new ConcurrentLinkedQueue<>();

		final AtomicInteger attempts = new AtomicInteger();

		final List<String> bodies = Collections.synchronizedList(new ArrayList<>());

		void fail(Throwable... failures) {
			this.script.addAll(List.of(failures));
		}

		@Override
		public void sendLineProtocol(byte[] bytes, int length, CnosPrecision precision, String what) {
			this.attempts.incrementAndGet();
			this.bodies.add(new String(bytes, 0, length, StandardCharsets.UTF_8));
			Throwable failure = this.script.poll();
			if (failure instanceof RuntimeException ex) {
				throw ex;
			}
			if (failure instanceof Error error) {
				throw error;
			}
		}

	}

}
