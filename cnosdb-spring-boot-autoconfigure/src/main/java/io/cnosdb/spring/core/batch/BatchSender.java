package io.cnosdb.spring.core.batch;

import java.time.Duration;

import io.micrometer.observation.Observation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.cnosdb.spring.core.exception.DefaultCnosExceptionTranslator;
import io.cnosdb.spring.core.write.CnosPrecision;
import io.cnosdb.spring.core.write.LineProtocolSender;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;

/**
 * Delivers the batches of a {@link CnosBatchWriter}, one at a time: sends a batch, sends
 * it again after a transient failure as the {@link RetryPolicy} allows (through Spring's
 * {@link RetryTemplate}), and hands a batch that finally fails to the
 * {@link CnosWriteFailureHandler}, so that every batch is either acknowledged or handed
 * over. Tells the listener about each outcome; a listener's failure is logged, and
 * changes nothing. Each batch is observed, from its first attempt to its last, with the
 * attempts' write requests inside.
 * <p>
 * Once {@link #abandon() abandoned} (the writer's close timeout passed), nothing is sent
 * or retried any more: a back-off under way ends at once, and every batch goes to the
 * failure handler; but for a durable queue (a spool), whose batch that failed
 * transiently, or was not sent, stays in the spool for the next writer instead. The
 * back-off is ended by interrupting the thread, which Spring's {@code RetryTemplate}
 * answers by giving up; the thread is interrupted only while it backs off, and the flag
 * is cleared before anything else runs, so that neither the request nor the failure
 * handler (which may wait to queue the batch) sees it.
 * <p>
 * {@link #send(Batch)} is for one thread at a time; {@link #abandon()} for any thread.
 */
final class BatchSender {

	private static final Log logger = LogFactory.getLog(CnosBatchWriter.class);

	private final LineProtocolSender target;

	private final String database;

	private final String tenant;

	private final CnosPrecision precision;

	private final RetryTemplate retryTemplate;

	private final CnosWriteFailureHandler failureHandler;

	private final CnosBatchWriterListener listener;

	private final Duration closeTimeout;

	private final BatchObservations observations;

	private final boolean durable;

	private final Object monitor = new Object();

	private boolean abandoned;

	/** The thread backing off before a retry, if any: the one abandon() may interrupt. */
	private @Nullable Thread backingOff;

	BatchSender(LineProtocolSender target, String database, String tenant, CnosPrecision precision,
			RetryPolicy retryPolicy, CnosWriteFailureHandler failureHandler, CnosBatchWriterListener listener,
			Duration closeTimeout, BatchObservations observations, boolean durable) {
		this.target = target;
		this.database = database;
		this.tenant = tenant;
		this.precision = precision;
		this.retryTemplate = new RetryTemplate(retryPolicy);
		this.failureHandler = failureHandler;
		this.listener = new SafeListener(listener);
		this.closeTimeout = closeTimeout;
		this.observations = observations;
		this.durable = durable;
	}

	/**
	 * The writer's retry policy: a batch that fails transiently, as
	 * {@link DefaultCnosExceptionTranslator#isTransient(Throwable)} decides for every
	 * part of the client, is sent again up to {@code maxRetries} times. The back-off
	 * starts at {@code initialBackoff} and doubles for each next retry up to
	 * {@code maxBackoff}; jitter moves each by up to half of it, never below
	 * {@code initialBackoff} nor above {@code maxBackoff}. An {@link Error} is never
	 * transient, so never retried.
	 */
	static RetryPolicy retryPolicy(long maxRetries, Duration initialBackoff, Duration maxBackoff) {
		RetryPolicy.Builder builder = RetryPolicy.builder()
			.predicate(DefaultCnosExceptionTranslator::isTransient)
			.maxRetries(maxRetries)
			.delay(initialBackoff)
			.multiplier(2)
			// Spring scales the jitter with the delay: half of each retry's delay.
			.jitter(initialBackoff.dividedBy(2));
		// The policy wants a positive maxDelay; when it is zero, so is every delay.
		if (!maxBackoff.isZero()) {
			builder.maxDelay(maxBackoff);
		}
		return builder.build();
	}

	/**
	 * Sends a batch, and again after transient failures as the policy allows, until the
	 * server acknowledges it; else hands it to the failure handler. Returns when either
	 * happened, the failure handler's call included; or, for a durable queue, when the
	 * writer closed before the batch could be delivered.
	 * @return whether the batch was settled (acknowledged or handed over); {@code false}
	 * only for a durable queue, whose batch then stays for the next writer
	 */
	boolean send(Batch batch) {
		Delivery delivery = new Delivery(batch);
		Observation observation = startObservation(batch);
		Throwable failure = deliver(delivery, observation);
		stopObservation(observation, delivery.attempts, failure);
		if (failure != null) {
			if (this.durable && isAbandoned() && (failure instanceof WriterClosedException
					|| DefaultCnosExceptionTranslator.isTransient(failure))) {
				return false;
			}
			fail(batch, failure, delivery.attempts);
			return true;
		}
		this.listener.batchWritten(batch.points(), batch.size());
		return true;
	}

	/**
	 * Makes the attempts, with the batch's observation current so that their requests are
	 * observed inside it.
	 * @return the last failure, the one that was not retried or that the back-off ended
	 * by close() followed; {@code null} once the server acknowledged the batch
	 */
	private @Nullable Throwable deliver(Delivery delivery, Observation observation) {
		Observation.Scope scope = openScope(observation);
		try {
			this.retryTemplate.execute(delivery);
			return null;
		}
		catch (RetryException ex) {
			leaveBackOff();
			return ex.getCause();
		}
		finally {
			closeScope(scope);
		}
	}

	/*
	 * The application's observation handlers run inside these calls, and Micrometer lets
	 * their exceptions through. One must neither end the flush thread, which would strand
	 * every point after it, nor decide a batch's fate: the batch is sent, and handed over
	 * only if sending fails, as without observations.
	 */

	private Observation startObservation(Batch batch) {
		try {
			return this.observations.start(this.database, this.tenant, batch);
		}
		catch (RuntimeException ex) {
			logger.warn("An observation handler failed to start observing a batch; it is sent unobserved", ex);
			return Observation.NOOP;
		}
	}

	private static Observation.@Nullable Scope openScope(Observation observation) {
		try {
			return observation.openScope();
		}
		catch (RuntimeException ex) {
			logger.warn("An observation handler failed to open the scope of a batch", ex);
			return null;
		}
	}

	private static void closeScope(Observation.@Nullable Scope scope) {
		if (scope == null) {
			return;
		}
		try {
			scope.close();
		}
		catch (RuntimeException ex) {
			logger.warn("An observation handler failed to close the scope of a batch", ex);
		}
	}

	private static void stopObservation(Observation observation, int attempts, @Nullable Throwable failure) {
		try {
			BatchObservations.stop(observation, attempts, failure);
		}
		catch (RuntimeException ex) {
			logger.warn("An observation handler failed to stop observing a batch", ex);
		}
	}

	/**
	 * Stops sending: a back-off under way ends, the batch being delivered and every later
	 * one go to the failure handler unsent. The request in flight, if any, is not cut
	 * short. Calling it again does nothing more.
	 */
	void abandon() {
		synchronized (this.monitor) {
			this.abandoned = true;
			if (this.backingOff != null) {
				this.backingOff.interrupt();
			}
		}
	}

	/** Whether {@link #abandon()} was called. */
	boolean isAbandoned() {
		synchronized (this.monitor) {
			return this.abandoned;
		}
	}

	/**
	 * Marks the current thread as backing off until the next attempt or the end of
	 * {@link #send}; if already abandoned, ends the back-off before it starts.
	 */
	private void enterBackOff() {
		synchronized (this.monitor) {
			this.backingOff = Thread.currentThread();
			if (this.abandoned) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * Ends the back-off window and clears the interrupt abandon() may have sent in it.
	 * @return whether sending may go on (not abandoned)
	 */
	private boolean leaveBackOff() {
		synchronized (this.monitor) {
			this.backingOff = null;
			Thread.interrupted();
			return !this.abandoned;
		}
	}

	private void fail(Batch batch, Throwable cause, int attempts) {
		this.listener.batchFailed(batch.points(), cause);
		CnosWriteFailure failure = new CnosWriteFailure(batch.lines(), this.precision, this.database, this.tenant,
				cause, attempts);
		try {
			this.failureHandler.onFailure(failure);
		}
		catch (Throwable ex) {
			logger.error("The write failure handler failed on a batch of " + batch.points()
					+ " point(s) that could not " + "be written (" + cause.getMessage() + ")", ex);
		}
	}

	/**
	 * One batch's attempts, as the retry template makes them: counts them, and reports
	 * each retry to the listener just before it is sent.
	 */
	private final class Delivery implements Retryable<Batch> {

		private final Batch batch;

		private int attempts;

		private @Nullable Throwable lastFailure;

		Delivery(Batch batch) {
			this.batch = batch;
		}

		@Override
		public Batch execute() {
			if (!leaveBackOff()) {
				// Not retried: the policy's predicate does not call it transient.
				throw new WriterClosedException("The batch writer was closed before this batch could be sent "
						+ "(close timeout " + BatchSender.this.closeTimeout.toMillis() + " ms)");
			}
			if (this.lastFailure != null) {
				BatchSender.this.listener.batchRetried(this.batch.points(), this.lastFailure);
			}
			this.attempts++;
			try {
				BatchSender.this.target.sendLineProtocol(this.batch.bytes(), this.batch.size(),
						BatchSender.this.precision, getName());
			}
			catch (RuntimeException | Error ex) {
				this.lastFailure = ex;
				enterBackOff();
				throw ex;
			}
			return this.batch;
		}

		@Override
		public String getName() {
			return "writing a batch of " + this.batch.points() + " point(s)";
		}

	}

	/** The writer closed before a batch could be delivered; never transient. */
	private static final class WriterClosedException extends IllegalStateException {

		WriterClosedException(String message) {
			super(message);
		}

	}

}
