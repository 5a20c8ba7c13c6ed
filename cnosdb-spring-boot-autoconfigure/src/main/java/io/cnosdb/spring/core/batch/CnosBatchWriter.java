package io.cnosdb.spring.core.batch;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.cnosdb.spring.core.CnosWriteOperations;
import io.cnosdb.spring.core.batch.spool.Spool;
import io.cnosdb.spring.core.batch.spool.SpoolRecoveryReport;
import io.cnosdb.spring.core.batch.spool.SpoolSettings;
import io.cnosdb.spring.core.batch.spool.SpoolStatus;
import io.cnosdb.spring.core.exception.DefaultCnosExceptionTranslator;
import io.cnosdb.spring.core.observation.CnosBatchObservationConvention;
import io.cnosdb.spring.core.write.CnosPrecision;
import io.cnosdb.spring.core.write.DefaultTags;
import io.cnosdb.spring.core.write.LineProtocolRowWriter;
import io.cnosdb.spring.core.write.Point;
import io.cnosdb.spring.core.write.PointMapper;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.util.Assert;

/**
 * Collects points into batches and writes them in the background, for callers that
 * produce points one by one and should not wait for the server. Rows written with
 * {@link #row(String)} are points without {@code Point} objects, and everything said of
 * points here holds for them.
 * <p>
 * Points are encoded when they are handed over, so a point that cannot be written is
 * refused at once, to the caller. Accepted points wait in a bounded buffer (points and
 * bytes); a batch is sent when it reaches the batch size or byte limit, when its oldest
 * point is {@code flushInterval} old, on {@link #flush()} and on {@link #close()}. One
 * flush thread sends the batches, in order. When the buffer is full, a write blocks until
 * there is room (up to the block timeout) or fails at once, depending on the
 * {@link Backpressure}, with a {@link CnosWriteBufferFullException}.
 * <p>
 * A batch that fails transiently, as
 * {@link DefaultCnosExceptionTranslator#isTransient(Throwable)} decides for every part of
 * the client (a connection failure, a timeout, HTTP 502/503/504, CnosDB's rate and
 * concurrency limits, exhausted memory, a query server shutting down), is sent again
 * after an exponential backoff with jitter, up to {@code maxRetries} times, through
 * Spring's {@link org.springframework.core.retry.RetryTemplate RetryTemplate}. A batch
 * the server refuses for its content (any other 4xx or 422 answer, or the empty 500 that
 * CnosDB 2.3 and 2.4.0 send for a line-protocol syntax error) is not sent again. A batch
 * that finally fails goes to the {@link CnosWriteFailureHandler} with its lines. So every
 * accepted point is either acknowledged by the server or handed to the handler; none is
 * dropped silently.
 * <p>
 * A batch sent again after a timeout may have been written the first time: points with a
 * time are then overwritten with the same values, but points without one would be stored
 * twice, so give points a time.
 * <p>
 * With a {@linkplain Builder#spool(SpoolSettings) spool}, accepted points are kept on
 * disk instead of in memory until the server acknowledges them: a write returns once its
 * points are appended to the spool, a transiently failing batch is sent again until it is
 * written, and what is not acknowledged when the writer closes (or when the application
 * dies) is sent by the next writer that opens the spool, before anything new.
 * <p>
 * Thread-safe. {@link Builder#build()} starts the flush thread, a daemon thread; close
 * the writer to write what it holds.
 */
public final class CnosBatchWriter implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(CnosBatchWriter.class);

	private final CnosWriteOperations template;

	private final PointEncoder encoder;

	private final RowWriters rows;

	private final BatchQueue buffer;

	private final CnosBatchWriterListener listener;

	private final Duration closeTimeout;

	private final FlushThread flushThread;

	/**
	 * Only wires the parts: the flush thread is created here but started by
	 * {@link #start()}, so that nothing sees the writer before it is constructed.
	 */
	private CnosBatchWriter(CnosWriteOperations template, PointEncoder encoder, long maxPointBytes, BatchQueue buffer,
			BatchSender sender, CnosBatchWriterListener listener, Duration closeTimeout) {
		this.template = template;
		this.encoder = encoder;
		this.rows = new RowWriters(encoder.encoder(), buffer, maxPointBytes);
		this.buffer = buffer;
		this.listener = new SafeListener(listener);
		this.closeTimeout = closeTimeout;
		this.flushThread = new FlushThread("cnosdb-batch-writer-" + template.getDatabase(), buffer, sender);
	}

	/**
	 * Starts the flush thread and tells the listener; called once, by
	 * {@link Builder#build()}.
	 */
	void start() {
		this.flushThread.start();
		this.listener.writerStarted(this);
	}

	/**
	 * Starts building a writer that writes through the template, to its database and
	 * tenant.
	 */
	public static Builder builder(CnosWriteOperations template) {
		return new Builder(template);
	}

	/**
	 * Accepts a point.
	 * @throws IllegalArgumentException if the point cannot be written (nothing is
	 * accepted)
	 * @throws CnosWriteBufferFullException if the buffer stays full
	 * @throws IllegalStateException if the writer is closed
	 */
	public void write(Point point) {
		Assert.notNull(point, "Point must not be null");
		accept(this.encoder.encode(point));
	}

	/**
	 * Accepts points in order. All are encoded first, so if one cannot be written none is
	 * accepted.
	 * @throws IllegalArgumentException if a point cannot be written (nothing is accepted)
	 * @throws CnosWriteBufferFullException if the buffer stays full; it says how many of
	 * the points were accepted before
	 * @throws IllegalStateException if the writer is closed
	 */
	public void write(Collection<Point> points) {
		Assert.notNull(points, "Points must not be null");
		if (!points.isEmpty()) {
			accept(this.encoder.encode(points));
		}
	}

	private void accept(PointEncoder.Encoded encoded) {
		try {
			this.buffer.add(encoded.lines(), encoded.ends(), encoded.count());
		}
		finally {
			this.encoder.release(encoded);
		}
	}

	/**
	 * Starts a row, to be accepted like a point without building one: add its tags, then
	 * its fields, and end it with {@code at(...)} or {@code atNow()}, which accepts it.
	 * <pre class="code">
	 * writer.row("air").tag("station", "XiaoMaiDao").field("visibility", 56.0).at(time);
	 * </pre> The row is written straight into a buffer of the calling thread's and
	 * checked as {@link #write(Point)} checks a point: a call that cannot be written
	 * fails at once with the encoder's {@link IllegalArgumentException}, and nothing of
	 * the row is accepted. The row ending call accepts it as one point, as
	 * {@link #write(Point)} does, with the same exceptions
	 * ({@link CnosWriteBufferFullException} when the buffer stays full;
	 * {@link IllegalStateException} once the writer is closed). Each call to this method
	 * starts a row of its own, so threads may write rows at once; keep the returned row
	 * only until it ends. Allocates nothing once the names in use are known.
	 * @param measurement the measurement (CnosDB table)
	 * @return the row
	 * @throws IllegalArgumentException if the measurement cannot be written
	 */
	public LineProtocolRowWriter.Row row(String measurement) {
		return this.rows.row(measurement);
	}

	/**
	 * Accepts an object of a {@link io.cnosdb.spring.core.write.annotation.Measurement
	 * @Measurement} type (see {@link PointMapper}) or a {@link Point}.
	 */
	public void writeObject(Object object) {
		write(PointMapper.toPoint(object));
	}

	/**
	 * Accepts objects of {@code @Measurement} types or points; see
	 * {@link #write(Collection)}.
	 */
	public void writeObjects(Collection<?> objects) {
		Assert.notNull(objects, "Objects must not be null");
		List<Point> points = new ArrayList<>(objects.size());
		for (Object object : objects) {
			points.add(PointMapper.toPoint(object));
		}
		write(points);
	}

	/**
	 * Sends everything accepted so far and waits until each batch is acknowledged or
	 * handed to the failure handler.
	 * @throws IllegalStateException if called from the flush thread (the failure handler)
	 */
	public void flush() {
		checkNotFlushThread("flush()");
		this.buffer.awaitCompleted(this.flushThread::isAlive);
	}

	/**
	 * Stops accepting points, sends everything accepted and waits for the flush thread to
	 * finish. Sending is tried for at most the close timeout; past it (or once close() is
	 * interrupted), batches not yet sent go to the failure handler without being sent and
	 * no batch is retried. The request in flight, if any, is not cut short: it ends when
	 * the server answers, or by the read timeout while the server sends nothing (a server
	 * that stops reading the request's body is not bounded by any timeout). When this
	 * method returns, every accepted point has been acknowledged by the server or handed
	 * to the failure handler, whose calls have returned: it can take the close timeout,
	 * plus the read timeout of the request in flight, plus the time the failure handler
	 * takes for the batches left. A backoff under way ends at once; the flush thread is
	 * never interrupted while it sends or calls the failure handler, so a handler that
	 * waits (to queue a batch, say) gets every batch. Writes blocked for room fail.
	 * Calling it again does nothing.
	 */
	@Override
	public void close() {
		checkNotFlushThread("close()");
		this.buffer.close();
		this.flushThread.join(this.closeTimeout);
	}

	/** The points accepted but not yet acknowledged or handed to the failure handler. */
	public int getBufferedPoints() {
		return this.buffer.bufferedPoints();
	}

	/** The bytes of line protocol accepted but not yet acknowledged or handed over. */
	public long getBufferedBytes() {
		return this.buffer.bufferedBytes();
	}

	/**
	 * The state of the writer's spool, or {@code null} if it keeps its points in memory.
	 */
	public @Nullable SpoolStatus getSpoolStatus() {
		return this.buffer.spoolStatus();
	}

	/** The database and tenant written to, for logs and metrics. */
	public String getDatabase() {
		return this.template.getDatabase();
	}

	private void checkNotFlushThread(String operation) {
		if (this.flushThread.isCurrent()) {
			throw new IllegalStateException(operation + " cannot be called from the batch writer's own thread");
		}
	}

	/** What to do when the buffer is full. */
	public enum Backpressure {

		/** Wait for room, up to the block timeout, then fail. */
		BLOCK,

		/** Fail at once. */
		FAIL,

		/**
		 * With a spool only: drop the oldest segment of points not being sent (counted,
		 * logged, and told to the listener's
		 * {@link CnosBatchWriterListener#pointsDropped(long)}) to make room; if no
		 * segment can be dropped, wait as {@code BLOCK} does.
		 */
		DROP_OLDEST

	}

	/** Builds a {@link CnosBatchWriter}; the defaults suit most applications. */
	public static final class Builder {

		private final CnosWriteOperations template;

		private int batchSize = 5000;

		private int maxBatchBytes = 8 * 1024 * 1024;

		private int bufferLimit = 100_000;

		private long bufferLimitBytes = 64L * 1024 * 1024;

		private Duration flushInterval = Duration.ofSeconds(1);

		private int maxRetries = 5;

		private Duration retryBackoffInitial = Duration.ofMillis(200);

		private Duration retryBackoffMax = Duration.ofSeconds(10);

		private Backpressure backpressure = Backpressure.BLOCK;

		private Duration blockTimeout = Duration.ofSeconds(30);

		private CnosPrecision precision = CnosPrecision.NS;

		private DefaultTags defaultTags = DefaultTags.NONE;

		private Duration closeTimeout = Duration.ofSeconds(30);

		private CnosWriteFailureHandler failureHandler = CnosWriteFailureHandler.logging();

		private CnosBatchWriterListener listener = new CnosBatchWriterListener() {
		};

		private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

		private @Nullable CnosBatchObservationConvention observationConvention;

		private @Nullable SpoolSettings spool;

		private Builder(CnosWriteOperations template) {
			Assert.notNull(template, "Template must not be null");
			this.template = template;
		}

		/** The most points per request (default 5000). */
		public Builder batchSize(int batchSize) {
			Assert.isTrue(batchSize > 0, "batchSize must be positive");
			this.batchSize = batchSize;
			return this;
		}

		/**
		 * A batch is sent once it holds this many bytes, even with fewer points (default
		 * 8 MiB).
		 */
		public Builder maxBatchBytes(int maxBatchBytes) {
			Assert.isTrue(maxBatchBytes > 0, "maxBatchBytes must be positive");
			this.maxBatchBytes = maxBatchBytes;
			return this;
		}

		/** The most points held, including those being sent (default 100,000). */
		public Builder bufferLimit(int bufferLimit) {
			Assert.isTrue(bufferLimit > 0, "bufferLimit must be positive");
			this.bufferLimit = bufferLimit;
			return this;
		}

		/**
		 * The most bytes of line protocol held, including those being sent (default 64
		 * MiB).
		 */
		public Builder bufferLimitBytes(long bufferLimitBytes) {
			Assert.isTrue(bufferLimitBytes > 0, "bufferLimitBytes must be positive");
			this.bufferLimitBytes = bufferLimitBytes;
			return this;
		}

		/** The longest a point waits before its batch is sent (default 1 s). */
		public Builder flushInterval(Duration flushInterval) {
			Assert.isTrue(flushInterval != null && !flushInterval.isNegative() && !flushInterval.isZero(),
					"flushInterval must be positive");
			this.flushInterval = flushInterval;
			return this;
		}

		/**
		 * How many times a transiently failing batch is sent again (default 5; 0 for
		 * never).
		 */
		public Builder maxRetries(int maxRetries) {
			Assert.isTrue(maxRetries >= 0, "maxRetries must not be negative");
			this.maxRetries = maxRetries;
			return this;
		}

		/**
		 * The backoff before the first retry, doubled for each next one up to
		 * {@code max}, with jitter: each moves by up to half of it, never below
		 * {@code initial} nor above {@code max} (millisecond precision).
		 */
		public Builder retryBackoff(Duration initial, Duration max) {
			Assert.isTrue(initial != null && !initial.isNegative(), "initial backoff must not be negative");
			Assert.isTrue(max != null && max.compareTo(initial) >= 0, "max backoff must not be less than initial");
			this.retryBackoffInitial = initial;
			this.retryBackoffMax = max;
			return this;
		}

		/** What a write does when the buffer is full (default {@code BLOCK}). */
		public Builder backpressure(Backpressure backpressure) {
			Assert.notNull(backpressure, "backpressure must not be null");
			this.backpressure = backpressure;
			return this;
		}

		/**
		 * How long a {@code BLOCK} write waits for room before failing (default 30 s).
		 */
		public Builder blockTimeout(Duration blockTimeout) {
			Assert.isTrue(blockTimeout != null && !blockTimeout.isNegative(), "blockTimeout must not be negative");
			this.blockTimeout = blockTimeout;
			return this;
		}

		/** The precision timestamps are sent in (default nanoseconds). */
		public Builder precision(CnosPrecision precision) {
			Assert.notNull(precision, "precision must not be null");
			this.precision = precision;
			return this;
		}

		/**
		 * Tags to add to every point unless it has a tag or field of that name, as a
		 * template's default tags are (none by default). The writer encodes points
		 * itself, so it adds its own: give it the template's to tag both alike.
		 * @throws IllegalArgumentException if a name or value cannot be written as a tag,
		 * naming it and the rule
		 */
		public Builder defaultTags(Map<String, String> defaultTags) {
			this.defaultTags = DefaultTags.of(defaultTags);
			return this;
		}

		/**
		 * Receives batches that finally fail (default:
		 * {@link CnosWriteFailureHandler#logging()}).
		 */
		public Builder failureHandler(CnosWriteFailureHandler failureHandler) {
			Assert.notNull(failureHandler, "failureHandler must not be null");
			this.failureHandler = failureHandler;
			return this;
		}

		/** Observes batches, for metrics. */
		public Builder listener(CnosBatchWriterListener listener) {
			Assert.notNull(listener, "listener must not be null");
			this.listener = listener;
			return this;
		}

		/** Observes each batch, its attempts' requests inside (default: nothing). */
		public Builder observationRegistry(ObservationRegistry observationRegistry) {
			Assert.notNull(observationRegistry, "observationRegistry must not be null");
			this.observationRegistry = observationRegistry;
			return this;
		}

		/** The convention of the batches' observations, instead of the default one. */
		public Builder observationConvention(CnosBatchObservationConvention observationConvention) {
			Assert.notNull(observationConvention, "observationConvention must not be null");
			this.observationConvention = observationConvention;
			return this;
		}

		/**
		 * Keeps accepted points on disk until the server acknowledges them, instead of in
		 * memory: a write returns once its points are appended to the spool, which then
		 * bounds the points held (its max size) in place of the buffer limits. A batch
		 * that fails transiently is sent again until it is written (the max retries do
		 * not apply); a batch the server refuses goes to the failure handler and leaves
		 * the spool. What is not acknowledged when the writer closes stays in the spool,
		 * and a writer that opens it later sends that first. Off by default.
		 */
		public Builder spool(SpoolSettings spool) {
			Assert.notNull(spool, "spool must not be null");
			this.spool = spool;
			return this;
		}

		/**
		 * The longest {@link CnosBatchWriter#close()} waits for buffered points to be
		 * sent (default 30 s).
		 */
		public Builder closeTimeout(Duration closeTimeout) {
			Assert.isTrue(closeTimeout != null && !closeTimeout.isNegative(), "closeTimeout must not be negative");
			this.closeTimeout = closeTimeout;
			return this;
		}

		/** Builds the writer and starts its flush thread. */
		public CnosBatchWriter build() {
			CnosBatchWriter writer = create();
			writer.start();
			return writer;
		}

		/**
		 * Builds the writer without starting it.
		 * @throws IllegalStateException if another writer holds the spool's directory
		 * @throws DataAccessResourceFailureException if the spool cannot be opened
		 */
		CnosBatchWriter create() {
			Assert.isTrue(this.batchSize <= this.bufferLimit, () -> "batchSize (" + this.batchSize
					+ ") must not exceed bufferLimit (" + this.bufferLimit + "): a batch is part of the buffer");
			Assert.isTrue(this.maxBatchBytes <= this.bufferLimitBytes,
					() -> "maxBatchBytes (" + this.maxBatchBytes + ") must not exceed bufferLimitBytes ("
							+ this.bufferLimitBytes + "): a batch is part of the buffer");
			Assert.isTrue(this.backpressure != Backpressure.DROP_OLDEST || this.spool != null,
					"backpressure DROP_OLDEST needs a spool: points in memory are never dropped");
			BatchQueue queue = (this.spool != null) ? openSpool(this.spool)
					: new BatchBuffer(this.batchSize, this.maxBatchBytes, this.bufferLimit, this.bufferLimitBytes,
							this.flushInterval, this.backpressure, this.blockTimeout);
			// A spool keeps a transiently failing batch until it is written.
			long retries = (this.spool != null) ? Long.MAX_VALUE : this.maxRetries;
			BatchSender sender = new BatchSender(this.template, this.template.getDatabase(), this.template.getTenant(),
					this.precision, BatchSender.retryPolicy(retries, this.retryBackoffInitial, this.retryBackoffMax),
					this.failureHandler, this.listener, this.closeTimeout,
					new BatchObservations(this.observationRegistry, this.observationConvention), queue.isDurable());
			long maxPointBytes = (this.spool != null) ? this.spool.maxSize() - Spool.recordSize(0)
					: this.bufferLimitBytes;
			return new CnosBatchWriter(this.template, new PointEncoder(this.precision, this.defaultTags, maxPointBytes),
					maxPointBytes, queue, sender, this.listener, this.closeTimeout);
		}

		private SpooledBatchQueue openSpool(SpoolSettings settings) {
			Spool spool;
			try {
				spool = Spool.open(settings);
			}
			catch (IOException ex) {
				throw new DataAccessResourceFailureException(
						"Could not open the spool " + settings.directory() + ": " + ex.getMessage(), ex);
			}
			SpoolRecoveryReport recovered = spool.recovered();
			if (!recovered.isEmpty()) {
				logger.info(
						"The spool " + settings.directory() + " holds " + recovered.points()
								+ " point(s) a previous writer left unacknowledged, in " + recovered.segments()
								+ " segment(s); they are sent before any new point"
								+ ((recovered.tornRecords() > 0) ? " (" + recovered.tornRecords()
										+ " torn record(s) cut, " + recovered.discardedBytes() + " byte(s) discarded)"
										: ""));
			}
			return new SpooledBatchQueue(spool, this.batchSize, this.maxBatchBytes, this.flushInterval,
					this.backpressure, this.blockTimeout, new SafeListener(this.listener));
		}

	}

}
