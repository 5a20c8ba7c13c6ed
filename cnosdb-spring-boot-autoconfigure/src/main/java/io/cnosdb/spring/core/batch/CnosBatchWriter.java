package io.cnosdb.spring.core.batch;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.cnosdb.spring.core.exception.DefaultCnosExceptionTranslator;
import io.cnosdb.spring.core.write.LineProtocolBuffer;
import io.cnosdb.spring.core.write.LineProtocolEncoder;
import io.cnosdb.spring.core.write.Point;
import io.cnosdb.spring.core.write.PointMapper;
import io.cnosdb.spring.core.CnosWriteOperations;
import io.cnosdb.spring.core.support.CnosMessageValues;
import io.cnosdb.spring.core.write.CnosPrecision;
import io.cnosdb.spring.core.write.EncodeBuffers;

import org.springframework.util.Assert;

/**
 * Collects points into batches and writes them in the background, for callers that
 * produce points one by one and should not wait for the server.
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
 * after an exponential backoff with jitter, up to {@code maxRetries} times. A batch the
 * server refuses for its content (any other 4xx or 422 answer, or the empty 500 that
 * CnosDB 2.3 and 2.4.0 send for a line-protocol syntax error) is not sent again. A batch
 * that finally fails goes to the {@link CnosWriteFailureHandler} with its lines. So every
 * accepted point is either acknowledged by the server or handed to the handler; none is
 * dropped silently.
 * <p>
 * A batch sent again after a timeout may have been written the first time: points with a
 * time are then overwritten with the same values, but points without one would be stored
 * twice, so give points a time.
 * <p>
 * The flush thread sends one batch while callers encode and fill the next. Sent batches'
 * arrays are reused for later batches (at most two are kept beside the one being filled),
 * so steady writing does not allocate them again.
 * <p>
 * Thread-safe. Close the writer to write what it holds; the flush thread is a daemon
 * thread.
 */
public final class CnosBatchWriter implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(CnosBatchWriter.class);

	/** Sent batches kept for reuse, so that steady writing allocates no batch arrays. */
	private static final int SPARE_BATCHES = 2;

	/** A caller's encoding buffer is kept for the next call only up to this size. */
	private static final int MAX_KEPT_SCRATCH = 64 * 1024;

	private final CnosWriteOperations template;

	private final Settings settings;

	private final LineProtocolEncoder encoder;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition notFull = this.lock.newCondition();

	private final Condition work = this.lock.newCondition();

	private final Condition done = this.lock.newCondition();

	private final ArrayDeque<Batch> ready = new ArrayDeque<>();

	private final ArrayDeque<Batch> spare = new ArrayDeque<>(SPARE_BATCHES);

	/**
	 * One caller's encoding buffer, lent to the next; concurrent callers make their own.
	 */
	private final AtomicReference<Scratch> spareScratch = new AtomicReference<>();

	private final Thread flushThread;

	private Batch current = new Batch();

	private long sealed;

	private long completed;

	private int bufferedPoints;

	private long bufferedBytes;

	private boolean closed;

	/**
	 * Set when close() stopped waiting: remaining batches go to the failure handler
	 * unsent.
	 */
	private volatile boolean abandoned;

	private CnosBatchWriter(CnosWriteOperations template, Settings settings) {
		this.template = template;
		this.settings = settings;
		this.encoder = new LineProtocolEncoder(settings.precision);
		this.flushThread = new Thread(this::flushLoop, "cnosdb-batch-writer-" + template.getDatabase());
		this.flushThread.setDaemon(true);
		this.flushThread.start();
		notify(() -> settings.listener.writerStarted(this));
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
		Scratch scratch = takeScratch();
		try {
			encode(point, scratch);
			accept(scratch.encoded.array(), scratch.ends, 1);
		}
		finally {
			giveBack(scratch);
		}
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
		if (points.isEmpty()) {
			return;
		}
		Scratch scratch = takeScratch();
		try {
			for (Point point : points) {
				Assert.notNull(point, "Point must not be null");
				encode(point, scratch);
			}
			accept(scratch.encoded.array(), scratch.ends, scratch.count);
		}
		finally {
			giveBack(scratch);
		}
	}

	/**
	 * Appends the point to the scratch buffer, refusing it if it could never fit the
	 * buffer.
	 */
	private void encode(Point point, Scratch scratch) {
		int start = scratch.encoded.size();
		this.encoder.encode(point, scratch.encoded);
		int length = scratch.encoded.size() - start;
		if (length > this.settings.bufferLimitBytes) {
			throw new IllegalArgumentException(CnosMessageValues.abbreviate(String.valueOf(point), 500) + " takes "
					+ length + " bytes, more than the whole buffer (" + this.settings.bufferLimitBytes + " bytes)");
		}
		scratch.addEnd();
	}

	private Scratch takeScratch() {
		Scratch scratch = this.spareScratch.getAndSet(null);
		return (scratch != null) ? scratch : new Scratch();
	}

	/**
	 * Keeps a small scratch buffer for the next call; a large one goes to the garbage
	 * collector.
	 */
	private void giveBack(Scratch scratch) {
		if (scratch.encoded.array().length <= MAX_KEPT_SCRATCH) {
			scratch.reset();
			this.spareScratch.set(scratch);
		}
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
		this.lock.lock();
		try {
			sealCurrent();
			long target = this.sealed;
			this.work.signalAll();
			boolean interrupted = false;
			while (this.completed < target) {
				if (!this.flushThread.isAlive()) {
					throw new IllegalStateException("The batch writer's flush thread has stopped; "
							+ this.bufferedPoints + " point(s) are still buffered");
				}
				try {
					this.done.awaitNanos(TimeUnit.MILLISECONDS.toNanos(200));
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
			}
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
		finally {
			this.lock.unlock();
		}
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
	 * takes for the batches left. The flush thread is never interrupted, so a handler
	 * that waits (to queue a batch, say) gets every batch. Writes blocked for room fail.
	 * Calling it again does nothing.
	 */
	@Override
	public void close() {
		checkNotFlushThread("close()");
		this.lock.lock();
		try {
			this.closed = true;
			sealCurrent();
			this.work.signalAll();
			this.notFull.signalAll();
		}
		finally {
			this.lock.unlock();
		}
		boolean interrupted = false;
		long deadline = System.nanoTime() + this.settings.closeTimeout.toNanos();
		while (this.flushThread.isAlive()) {
			try {
				long remaining = deadline - System.nanoTime();
				if (remaining > 0 && !this.abandoned) {
					this.flushThread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining)));
				}
				else {
					abandon();
					this.flushThread.join();
				}
			}
			catch (InterruptedException ex) {
				// Interrupting close() ends sending early, as the timeout would, but not
				// the
				// hand-over: the failure handler still gets every batch before close()
				// returns.
				interrupted = true;
				abandon();
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Stops sending: the flush thread hands what is left to the failure handler. It is
	 * woken from a backoff, never interrupted: an interrupt would reach the failure
	 * handler, and a handler that waits (on a full queue, say) would lose the batch it
	 * was given.
	 */
	private void abandon() {
		if (!this.abandoned) {
			this.abandoned = true;
			LockSupport.unpark(this.flushThread);
		}
	}

	/** The points accepted but not yet acknowledged or handed to the failure handler. */
	public int getBufferedPoints() {
		this.lock.lock();
		try {
			return this.bufferedPoints;
		}
		finally {
			this.lock.unlock();
		}
	}

	/** The bytes of line protocol accepted but not yet acknowledged or handed over. */
	public long getBufferedBytes() {
		this.lock.lock();
		try {
			return this.bufferedBytes;
		}
		finally {
			this.lock.unlock();
		}
	}

	/** The database and tenant written to, for logs and metrics. */
	public String getDatabase() {
		return this.template.getDatabase();
	}

	private void checkNotFlushThread(String operation) {
		if (Thread.currentThread() == this.flushThread) {
			throw new IllegalStateException(operation + " cannot be called from the batch writer's own thread");
		}
	}

	private void accept(byte[] lines, int[] ends, int count) {
		int accepted = 0;
		this.lock.lock();
		try {
			// Read the clock only once a write has to wait: most never do.
			long deadline = 0;
			boolean waited = false;
			for (int i = 0; i < count; i++) {
				int start = (i == 0) ? 0 : ends[i - 1];
				int length = ends[i] - start;
				while (!this.closed && !hasRoom(length)) {
					// Room comes only from sending: hand over the batch being filled now
					// rather
					// than at its size or interval, which a full buffer might never
					// reach.
					sealCurrent();
					this.work.signalAll();
					if (!waited) {
						deadline = System.nanoTime() + this.settings.blockTimeout.toNanos();
						waited = true;
					}
					long remaining = deadline - System.nanoTime();
					if (this.settings.backpressure == Backpressure.FAIL || remaining <= 0) {
						throw bufferFull(accepted, count);
					}
					try {
						this.notFull.awaitNanos(remaining);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						throw new CnosWriteBufferFullException(
								"Interrupted while waiting for room in the batch writer; " + accepted + " of " + count
										+ " point(s) were accepted",
								accepted, count - accepted);
					}
				}
				if (this.closed) {
					throw new IllegalStateException("The batch writer is closed; " + accepted + " of " + count
							+ " point(s) were accepted before it closed, the others were not");
				}
				this.current.add(lines, start, length);
				this.bufferedPoints++;
				this.bufferedBytes += length;
				accepted++;
				if (this.current.points == 1) {
					this.current.firstNanos = System.nanoTime();
					this.work.signalAll();
				}
				if (this.current.points >= this.settings.batchSize
						|| this.current.size() >= this.settings.maxBatchBytes) {
					sealCurrent();
					this.work.signalAll();
				}
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	private boolean hasRoom(int length) {
		return this.bufferedPoints < this.settings.bufferLimit
				&& this.bufferedBytes + length <= this.settings.bufferLimitBytes;
	}

	private CnosWriteBufferFullException bufferFull(int accepted, int count) {
		String how = (this.settings.backpressure == Backpressure.FAIL) ? ""
				: " after waiting " + this.settings.blockTimeout.toMillis() + " ms";
		return new CnosWriteBufferFullException("The batch writer's buffer is full (" + this.bufferedPoints
				+ " point(s), " + this.bufferedBytes + " bytes; limits " + this.settings.bufferLimit + " point(s), "
				+ this.settings.bufferLimitBytes + " bytes)" + how + ": " + accepted + " of " + count
				+ " point(s) were accepted, the others were not", accepted, count - accepted);
	}

	/**
	 * Moves the batch being filled to the ready queue, if it holds anything. Under the
	 * lock.
	 */
	private void sealCurrent() {
		if (this.current.points > 0) {
			this.current.sequence = ++this.sealed;
			this.ready.add(this.current);
			Batch reused = this.spare.poll();
			this.current = (reused != null) ? reused : new Batch();
		}
	}

	private void flushLoop() {
		while (true) {
			Batch batch = nextBatch();
			if (batch == null) {
				return;
			}
			try {
				deliver(batch);
			}
			finally {
				complete(batch);
			}
		}
	}

	/** Counts a batch as acknowledged or handed over, and wakes whoever waits on it. */
	private void complete(Batch batch) {
		this.lock.lock();
		try {
			this.bufferedPoints -= batch.points;
			this.bufferedBytes -= batch.size();
			this.completed = batch.sequence;
			// A batch grown past what a template keeps between writes is left to the
			// collector, not held.
			if (this.spare.size() < SPARE_BATCHES && batch.bytes.length <= EncodeBuffers.MAX_KEPT) {
				batch.clear();
				this.spare.add(batch);
			}
			this.notFull.signalAll();
			this.done.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	/** The next batch to send, waiting for one; {@code null} once closed and empty. */
	private Batch nextBatch() {
		this.lock.lock();
		try {
			while (true) {
				if (!this.ready.isEmpty()) {
					return this.ready.poll();
				}
				if (this.current.points > 0) {
					long due = this.current.firstNanos + this.settings.flushInterval.toNanos() - System.nanoTime();
					if (this.closed || due <= 0) {
						sealCurrent();
						continue;
					}
					this.work.awaitNanos(due);
				}
				else if (this.closed) {
					return null;
				}
				else {
					this.work.await();
				}
			}
		}
		catch (InterruptedException ex) {
			// Only close() ends this thread; keep going so that nothing accepted is lost.
			Thread.interrupted();
			return nextBatch();
		}
		finally {
			this.lock.unlock();
		}
	}

	private void deliver(Batch batch) {
		String what = "writing a batch of " + batch.points + " point(s)";
		int attempts = 0;
		while (true) {
			if (this.abandoned) {
				fail(batch, new IllegalStateException("The batch writer was closed before this batch could be sent "
						+ "(close timeout " + this.settings.closeTimeout.toMillis() + " ms)"), attempts);
				return;
			}
			attempts++;
			try {
				this.template.sendLineProtocol(batch.bytes(), batch.size(), this.settings.precision, what);
			}
			catch (RuntimeException ex) {
				if (DefaultCnosExceptionTranslator.isTransient(ex) && attempts <= this.settings.maxRetries
						&& !this.abandoned) {
					notify(() -> this.settings.listener.batchRetried(batch.points, ex));
					if (backOff(attempts)) {
						continue;
					}
				}
				fail(batch, ex, attempts);
				return;
			}
			catch (Error ex) {
				// Even an Error leaves the batch with the failure handler and the thread
				// running:
				// a dead flush thread would strand every point accepted after it.
				fail(batch, ex, attempts);
				return;
			}
			// Outside the try: a listener's failure must not turn an acknowledged batch
			// into a
			// failed or resent one.
			notify(() -> this.settings.listener.batchWritten(batch.points, batch.size()));
			return;
		}
	}

	/**
	 * Waits before retry number {@code retry}; false if close() stopped sending
	 * meanwhile.
	 */
	private boolean backOff(int retry) {
		long initial = this.settings.retryBackoffInitial.toNanos();
		long max = this.settings.retryBackoffMax.toNanos();
		long delay = initial;
		for (int i = 1; i < retry && delay < max; i++) {
			delay = (delay > Long.MAX_VALUE / 2) ? max : delay * 2;
		}
		delay = Math.min(delay, max);
		// Equal jitter: half the delay, plus a random part of the other half.
		long jittered = delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1);
		// Parked rather than slept, so that close() can end the wait without an
		// interrupt.
		long deadline = System.nanoTime() + jittered;
		long remaining = jittered;
		while (remaining > 0 && !this.abandoned) {
			LockSupport.parkNanos(this, remaining);
			remaining = deadline - System.nanoTime();
		}
		return !this.abandoned;
	}

	private void fail(Batch batch, Throwable cause, int attempts) {
		notify(() -> this.settings.listener.batchFailed(batch.points, cause));
		CnosWriteFailure failure = new CnosWriteFailure(batch.lines(), this.settings.precision,
				this.template.getDatabase(), this.template.getTenant(), cause, attempts);
		try {
			this.settings.failureHandler.onFailure(failure);
		}
		catch (Throwable ex) {
			logger.error("The write failure handler failed on a batch of " + batch.points + " point(s) that could not "
					+ "be written (" + cause.getMessage() + ")", ex);
		}
	}

	private static void notify(Runnable call) {
		try {
			call.run();
		}
		catch (Throwable ex) {
			logger.warn("A batch writer listener failed", ex);
		}
	}

	/** What to do when the buffer is full. */
	public enum Backpressure {

		/** Wait for room, up to the block timeout, then fail. */
		BLOCK,

		/** Fail at once. */
		FAIL

	}

	/**
	 * A batch: whole lines, and where each ends. Its arrays are reused once it has been
	 * sent, so they grow to the usual batch size once and are then filled in place.
	 */
	private static final class Batch {

		private byte[] bytes = new byte[8192];

		private int size;

		private int[] ends = new int[64];

		private int points;

		private long sequence;

		private long firstNanos;

		void add(byte[] lines, int start, int length) {
			if (this.size + length > this.bytes.length) {
				this.bytes = Arrays.copyOf(this.bytes, Math.max(this.size + length, this.bytes.length * 2));
			}
			System.arraycopy(lines, start, this.bytes, this.size, length);
			this.size += length;
			if (this.points == this.ends.length) {
				this.ends = Arrays.copyOf(this.ends, this.points * 2);
			}
			this.ends[this.points++] = this.size;
		}

		byte[] bytes() {
			return this.bytes;
		}

		int size() {
			return this.size;
		}

		void clear() {
			this.size = 0;
			this.points = 0;
			this.sequence = 0;
			this.firstNanos = 0;
		}

		List<String> lines() {
			List<String> lines = new ArrayList<>(this.points);
			int start = 0;
			for (int i = 0; i < this.points; i++) {
				int end = this.ends[i];
				// Drop the line terminator.
				lines.add(new String(this.bytes, start, end - start - 1, StandardCharsets.UTF_8));
				start = end;
			}
			return lines;
		}

	}

	/**
	 * Points a caller has encoded but not yet handed over: their lines, and where each
	 * ends.
	 */
	private static final class Scratch {

		private final LineProtocolBuffer encoded = new LineProtocolBuffer(1024);

		private int[] ends = new int[16];

		private int count;

		void addEnd() {
			if (this.count == this.ends.length) {
				this.ends = Arrays.copyOf(this.ends, this.count * 2);
			}
			this.ends[this.count++] = this.encoded.size();
		}

		void reset() {
			this.encoded.reset();
			this.count = 0;
		}

	}

	private record Settings(int batchSize, int maxBatchBytes, int bufferLimit, long bufferLimitBytes,
			Duration flushInterval, int maxRetries, Duration retryBackoffInitial, Duration retryBackoffMax,
			Backpressure backpressure, Duration blockTimeout, CnosPrecision precision,
			CnosWriteFailureHandler failureHandler, CnosBatchWriterListener listener, Duration closeTimeout) {

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

		private Duration closeTimeout = Duration.ofSeconds(30);

		private CnosWriteFailureHandler failureHandler = CnosWriteFailureHandler.logging();

		private CnosBatchWriterListener listener = new CnosBatchWriterListener() {
		};

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
		 * {@code max}, with jitter.
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
			Assert.isTrue(this.batchSize <= this.bufferLimit, () -> "batchSize (" + this.batchSize
					+ ") must not exceed bufferLimit (" + this.bufferLimit + "): a batch is part of the buffer");
			Assert.isTrue(this.maxBatchBytes <= this.bufferLimitBytes,
					() -> "maxBatchBytes (" + this.maxBatchBytes + ") must not exceed bufferLimitBytes ("
							+ this.bufferLimitBytes + "): a batch is part of the buffer");
			return new CnosBatchWriter(this.template,
					new Settings(this.batchSize, this.maxBatchBytes, this.bufferLimit, this.bufferLimitBytes,
							this.flushInterval, this.maxRetries, this.retryBackoffInitial, this.retryBackoffMax,
							this.backpressure, this.blockTimeout, this.precision, this.failureHandler, this.listener,
							this.closeTimeout));
		}

	}

}
