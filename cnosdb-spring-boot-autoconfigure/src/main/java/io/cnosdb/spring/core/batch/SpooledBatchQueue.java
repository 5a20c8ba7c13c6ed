package io.cnosdb.spring.core.batch;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.cnosdb.spring.core.batch.CnosBatchWriter.Backpressure;
import io.cnosdb.spring.core.batch.spool.Spool;
import io.cnosdb.spring.core.batch.spool.SpoolStatus;

import org.springframework.dao.DataAccessResourceFailureException;

/**
 * A {@link BatchQueue} on disk: accepted points are appended to a {@link Spool} before
 * {@link #add} returns, and batches are read back from it, so points outlive an outage of
 * any length (up to the spool's max size) and a restart. A batch is removed from the
 * spool only once it is completed (acknowledged, or refused and handed to the failure
 * handler); a batch not completed when the writer closes stays for the next writer, which
 * sends it before anything new.
 * <p>
 * When the spool is full, a write waits for room, fails, or drops the oldest segment not
 * being sent (counted, logged, and told to the listener), depending on the
 * {@link Backpressure}. Thread-safe: the spool is used under one lock.
 */
final class SpooledBatchQueue implements BatchQueue {

	private static final Log logger = LogFactory.getLog(CnosBatchWriter.class);

	/** How long the flush thread waits before reading again after a read failed. */
	private static final long READ_RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);

	private final Spool spool;

	private final int batchSize;

	private final int maxBatchBytes;

	private final Duration flushInterval;

	private final Backpressure backpressure;

	private final Duration blockTimeout;

	private final CnosBatchWriterListener listener;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition notFull = this.lock.newCondition();

	private final Condition work = this.lock.newCondition();

	private final Condition done = this.lock.newCondition();

	private final Batch batch = new Batch();

	/** Points accepted, recovered ones included, and points completed or dropped. */
	private long accepted;

	private long settled;

	private long dropped;

	/** When the oldest unread point was appended, from {@link System#nanoTime()}. */
	private long firstUnreadNanos;

	private boolean flushRequested;

	private boolean closed;

	SpooledBatchQueue(Spool spool, int batchSize, int maxBatchBytes, Duration flushInterval, Backpressure backpressure,
			Duration blockTimeout, CnosBatchWriterListener listener) {
		this.spool = spool;
		this.batchSize = batchSize;
		this.maxBatchBytes = maxBatchBytes;
		this.flushInterval = flushInterval;
		this.backpressure = backpressure;
		this.blockTimeout = blockTimeout;
		this.listener = listener;
		this.accepted = spool.recovered().points();
		// What a previous writer left is due at once.
		this.firstUnreadNanos = System.nanoTime() - flushInterval.toNanos();
	}

	@Override
	public void add(byte[] lines, int[] ends, int count) {
		this.lock.lock();
		try {
			long deadline = 0;
			boolean waited = false;
			int from = 0;
			while (from < count) {
				if (this.closed) {
					throw new IllegalStateException("The batch writer is closed; " + from + " of " + count
							+ " point(s) were accepted before it closed, the others were not");
				}
				int to = fittingRun(ends, from, count);
				if (to > from) {
					append(lines, ends, from, to, count);
					from = to;
					continue;
				}
				if (this.backpressure == Backpressure.DROP_OLDEST && dropOldest()) {
					continue;
				}
				if (!waited) {
					deadline = System.nanoTime() + this.blockTimeout.toNanos();
					waited = true;
				}
				long remaining = deadline - System.nanoTime();
				if (this.backpressure == Backpressure.FAIL || remaining <= 0) {
					throw spoolFull(from, count);
				}
				awaitRoom(remaining, from, count);
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/** The end of the longest run of points from {@code from} that fits the spool. */
	private int fittingRun(int[] ends, int from, int count) {
		long bytes = 0;
		int to = from;
		while (to < count) {
			int start = (to == 0) ? 0 : ends[to - 1];
			long record = Spool.recordSize(ends[to] - start);
			if (!this.spool.hasRoom(bytes + record)) {
				break;
			}
			bytes += record;
			to++;
		}
		return to;
	}

	private void append(byte[] lines, int[] ends, int from, int to, int count) {
		boolean wasEmpty = this.spool.unreadPoints() == 0;
		try {
			this.spool.append(lines, ends, from, to, System.currentTimeMillis());
			this.spool.syncIfDue(System.nanoTime());
		}
		catch (IOException ex) {
			throw new DataAccessResourceFailureException("Could not append " + (to - from) + " point(s) to the spool "
					+ this.spool.settings().directory() + " (" + ex.getMessage() + "): " + from + " of " + count
					+ " point(s) were accepted, the others were not", ex);
		}
		this.accepted += to - from;
		if (wasEmpty) {
			this.firstUnreadNanos = System.nanoTime();
			this.work.signalAll();
		}
		else if (this.spool.unreadPoints() >= this.batchSize || this.spool.unreadPayloadBytes() >= this.maxBatchBytes) {
			this.work.signalAll();
		}
	}

	private boolean dropOldest() {
		Spool.Dropped dropped;
		try {
			dropped = this.spool.dropOldest();
		}
		catch (IOException ex) {
			logger.warn("Could not drop the oldest segment of the full spool " + this.spool.settings().directory(), ex);
			return false;
		}
		if (dropped == null) {
			return false;
		}
		this.dropped += dropped.points();
		this.settled += dropped.points();
		logger.warn("The spool " + this.spool.settings().directory() + " is full: dropped its oldest "
				+ dropped.points() + " unsent point(s) (" + dropped.payloadBytes() + " bytes of " + dropped.segment()
				+ "), " + this.dropped + " in all since the writer started");
		this.listener.pointsDropped(dropped.points());
		this.done.signalAll();
		return true;
	}

	private void awaitRoom(long nanos, int accepted, int count) {
		try {
			this.notFull.awaitNanos(nanos);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CnosWriteBufferFullException("Interrupted while waiting for room in the spool; " + accepted
					+ " of " + count + " point(s) were accepted", accepted, count - accepted);
		}
	}

	private CnosWriteBufferFullException spoolFull(int accepted, int count) {
		String how = (this.backpressure == Backpressure.FAIL) ? ""
				: " after waiting " + this.blockTimeout.toMillis() + " ms";
		return new CnosWriteBufferFullException("The spool " + this.spool.settings().directory() + " is full ("
				+ this.spool.recordBytes() + " of " + this.spool.settings().maxSize() + " bytes, "
				+ this.spool.unacknowledgedPoints() + " unacknowledged point(s))" + how + ": " + accepted + " of "
				+ count + " point(s) were accepted, the others were not", accepted, count - accepted);
	}

	@Override
	public @Nullable Batch next() {
		this.lock.lock();
		try {
			while (true) {
				syncIfDue();
				long unread = this.spool.unreadPoints();
				long waitNanos;
				if (unread > 0) {
					long due = this.firstUnreadNanos + this.flushInterval.toNanos() - System.nanoTime();
					if (due <= 0 || this.closed || this.flushRequested || unread >= this.batchSize
							|| this.spool.unreadPayloadBytes() >= this.maxBatchBytes) {
						if (read()) {
							return this.batch;
						}
						waitNanos = READ_RETRY_NANOS;
					}
					else {
						waitNanos = due;
					}
				}
				else if (this.closed) {
					return null;
				}
				else {
					this.flushRequested = false;
					waitNanos = this.spool.settings().syncInterval().toNanos();
				}
				awaitWork(Math.min(waitNanos, this.spool.settings().syncInterval().toNanos()));
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Reads the next batch into {@link #batch}.
	 * @return whether it could be read; if not, it is tried again later
	 */
	private boolean read() {
		this.batch.clear();
		try {
			this.spool.read(this.batchSize, this.maxBatchBytes, this.batch::add);
			return true;
		}
		catch (IOException ex) {
			logger.error("Could not read the next batch from the spool " + this.spool.settings().directory()
					+ "; trying again in a second", ex);
			return false;
		}
	}

	private void syncIfDue() {
		try {
			this.spool.syncIfDue(System.nanoTime());
		}
		catch (IOException ex) {
			logger.warn("Could not force the spool " + this.spool.settings().directory() + " to the disk", ex);
		}
	}

	private void awaitWork(long nanos) {
		try {
			this.work.awaitNanos(nanos);
		}
		catch (InterruptedException ex) {
			// Only closing ends the flush thread; keep going so that nothing accepted
			// is lost.
			Thread.interrupted();
		}
	}

	@Override
	public void complete(Batch completed) {
		this.lock.lock();
		try {
			try {
				this.spool.acknowledgeRead();
			}
			catch (IOException ex) {
				logger.warn("Could not save how far the spool " + this.spool.settings().directory()
						+ " is acknowledged; a writer that opens it next may send " + completed.points()
						+ " acknowledged point(s) again", ex);
			}
			this.settled += completed.points();
			this.notFull.signalAll();
			this.done.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public void awaitCompleted(BooleanSupplier sending) {
		this.lock.lock();
		try {
			long target = this.accepted;
			this.flushRequested = true;
			this.work.signalAll();
			CompletionWait.await(this.done, () -> this.settled >= target, sending,
					() -> this.spool.unacknowledgedPoints() + " point(s) are still in the spool");
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public void close() {
		this.lock.lock();
		try {
			this.closed = true;
			this.work.signalAll();
			this.notFull.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Closes the spool; what is not acknowledged stays in it for the next writer. */
	@Override
	public void release() {
		this.lock.lock();
		try {
			long left = this.spool.unacknowledgedPoints();
			this.spool.close();
			if (left > 0) {
				logger.info(left + " point(s) stay in the spool " + this.spool.settings().directory()
						+ ", to be sent by the next batch writer that opens it");
			}
		}
		catch (IOException ex) {
			logger.warn("Could not close the spool " + this.spool.settings().directory()
					+ " cleanly; the next writer checks what it holds", ex);
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public boolean isDurable() {
		return true;
	}

	@Override
	public int bufferedPoints() {
		this.lock.lock();
		try {
			return (int) Math.min(Integer.MAX_VALUE, this.spool.unacknowledgedPoints());
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public long bufferedBytes() {
		this.lock.lock();
		try {
			return this.spool.unacknowledgedPayloadBytes();
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public SpoolStatus spoolStatus() {
		this.lock.lock();
		try {
			long oldest = this.spool.oldestUnacknowledgedMillis();
			Duration age = (oldest < 0) ? null : Duration.ofMillis(Math.max(0, System.currentTimeMillis() - oldest));
			return new SpoolStatus(this.spool.settings().directory(), this.spool.recordBytes(),
					this.spool.settings().maxSize(), this.spool.segmentCount(), this.spool.unacknowledgedPoints(), age,
					this.spool.recovered().points(), this.dropped);
		}
		catch (IOException ex) {
			throw new DataAccessResourceFailureException(
					"Could not read the spool " + this.spool.settings().directory() + ": " + ex.getMessage(), ex);
		}
		finally {
			this.lock.unlock();
		}
	}

}
