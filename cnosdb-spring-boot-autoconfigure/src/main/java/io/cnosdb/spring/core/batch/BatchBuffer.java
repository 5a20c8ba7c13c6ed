package io.cnosdb.spring.core.batch;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

import org.jspecify.annotations.Nullable;

import io.cnosdb.spring.core.batch.CnosBatchWriter.Backpressure;
import io.cnosdb.spring.core.write.EncodeBuffers;

/**
 * The bounded buffer of a {@link CnosBatchWriter}: callers add encoded points to the
 * batch being filled, full or due batches wait in order to be sent, and the flush thread
 * takes them one by one and {@linkplain #complete(Batch) completes} them once they are
 * acknowledged or handed to the failure handler. A point is counted (points and bytes)
 * from when it is accepted until its batch is completed, so the limits cover the batch
 * being sent too. When the buffer is full, {@link #add} waits for room or fails at once,
 * depending on the {@link Backpressure}.
 * <p>
 * Completed batches' arrays are reused for later batches (at most two are kept beside the
 * one being filled), so steady writing does not allocate them again.
 * <p>
 * Thread-safe.
 */
final class BatchBuffer implements BatchQueue {

	/** Sent batches kept for reuse, so that steady writing allocates no batch arrays. */
	private static final int SPARE_BATCHES = 2;

	private final int batchSize;

	private final int maxBatchBytes;

	private final int bufferLimit;

	private final long bufferLimitBytes;

	private final Duration flushInterval;

	private final Backpressure backpressure;

	private final Duration blockTimeout;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition notFull = this.lock.newCondition();

	private final Condition work = this.lock.newCondition();

	private final Condition done = this.lock.newCondition();

	private final ArrayDeque<Batch> ready = new ArrayDeque<>();

	private final ArrayDeque<Batch> spare = new ArrayDeque<>(SPARE_BATCHES);

	private Batch current = new Batch();

	private long sealed;

	private long completed;

	private int bufferedPoints;

	private long bufferedBytes;

	private boolean closed;

	BatchBuffer(int batchSize, int maxBatchBytes, int bufferLimit, long bufferLimitBytes, Duration flushInterval,
			Backpressure backpressure, Duration blockTimeout) {
		this.batchSize = batchSize;
		this.maxBatchBytes = maxBatchBytes;
		this.bufferLimit = bufferLimit;
		this.bufferLimitBytes = bufferLimitBytes;
		this.flushInterval = flushInterval;
		this.backpressure = backpressure;
		this.blockTimeout = blockTimeout;
	}

	/**
	 * Accepts points in order: {@code count} whole lines in {@code lines}, line {@code i}
	 * ending at {@code ends[i]}.
	 * @throws CnosWriteBufferFullException if the buffer stays full; the points before
	 * were accepted
	 * @throws IllegalStateException if the buffer is closed
	 */
	@Override
	public void add(byte[] lines, int[] ends, int count) {
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
					// rather than at its size or interval, which a full buffer might
					// never reach.
					sealCurrent();
					if (!waited) {
						deadline = System.nanoTime() + this.blockTimeout.toNanos();
						waited = true;
					}
					long remaining = deadline - System.nanoTime();
					if (this.backpressure == Backpressure.FAIL || remaining <= 0) {
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
				if (this.current.points() == 1) {
					this.current.firstNanos(System.nanoTime());
					this.work.signalAll();
				}
				if (this.current.points() >= this.batchSize || this.current.size() >= this.maxBatchBytes) {
					sealCurrent();
				}
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	private boolean hasRoom(int length) {
		return this.bufferedPoints < this.bufferLimit && this.bufferedBytes + length <= this.bufferLimitBytes;
	}

	private CnosWriteBufferFullException bufferFull(int accepted, int count) {
		String how = (this.backpressure == Backpressure.FAIL) ? ""
				: " after waiting " + this.blockTimeout.toMillis() + " ms";
		return new CnosWriteBufferFullException(
				"The batch writer's buffer is full (" + this.bufferedPoints + " point(s), " + this.bufferedBytes
						+ " bytes; limits " + this.bufferLimit + " point(s), " + this.bufferLimitBytes + " bytes)" + how
						+ ": " + accepted + " of " + count + " point(s) were accepted, the others were not",
				accepted, count - accepted);
	}

	/**
	 * Moves the batch being filled, if it holds anything, to the batches ready to be
	 * sent, and wakes the flush thread. Under the lock.
	 */
	private void sealCurrent() {
		if (this.current.points() > 0) {
			this.current.sequence(++this.sealed);
			this.ready.add(this.current);
			Batch reused = this.spare.poll();
			this.current = (reused != null) ? reused : new Batch();
		}
		this.work.signalAll();
	}

	/**
	 * The next batch to send, in order, waiting for one: a full batch, or the batch being
	 * filled once its first point is {@code flushInterval} old or the buffer is closed.
	 * For the flush thread only.
	 * @return the batch, or {@code null} once the buffer is closed and empty
	 */
	@Override
	public @Nullable Batch next() {
		this.lock.lock();
		try {
			while (true) {
				if (!this.ready.isEmpty()) {
					return this.ready.poll();
				}
				try {
					if (this.current.points() > 0) {
						long due = this.current.firstNanos() + this.flushInterval.toNanos() - System.nanoTime();
						if (this.closed || due <= 0) {
							sealCurrent();
						}
						else {
							this.work.awaitNanos(due);
						}
					}
					else if (this.closed) {
						return null;
					}
					else {
						this.work.await();
					}
				}
				catch (InterruptedException ex) {
					// Only closing ends the flush thread; keep going so that nothing
					// accepted is lost.
					Thread.interrupted();
				}
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Counts a batch taken by {@link #next()} as acknowledged or handed over: frees its
	 * room, keeps its arrays for reuse and wakes whoever waits on it.
	 */
	@Override
	public void complete(Batch batch) {
		this.lock.lock();
		try {
			this.bufferedPoints -= batch.points();
			this.bufferedBytes -= batch.size();
			this.completed = batch.sequence();
			// A batch grown past what a template keeps between writes is left to the
			// collector, not held.
			if (this.spare.size() < SPARE_BATCHES && batch.capacity() <= EncodeBuffers.MAX_KEPT) {
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

	/**
	 * Hands over the batch being filled and waits until every batch accepted so far is
	 * completed. An interrupt does not end the wait (the flag is set again on return).
	 * @param sending whether the flush thread still runs; checked while waiting
	 * @throws IllegalStateException if the flush thread stops before that
	 */
	@Override
	public void awaitCompleted(BooleanSupplier sending) {
		this.lock.lock();
		try {
			sealCurrent();
			long target = this.sealed;
			CompletionWait.await(this.done, () -> this.completed >= target, sending,
					() -> this.bufferedPoints + " point(s) are still buffered");
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Stops accepting points: hands over the batch being filled, fails the writes that
	 * wait for room, and lets {@link #next()} return {@code null} once the batches left
	 * are taken. Calling it again does nothing.
	 */
	@Override
	public void close() {
		this.lock.lock();
		try {
			this.closed = true;
			sealCurrent();
			this.notFull.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	/** The points accepted but not yet completed. */
	@Override
	public int bufferedPoints() {
		this.lock.lock();
		try {
			return this.bufferedPoints;
		}
		finally {
			this.lock.unlock();
		}
	}

	/** The bytes of line protocol accepted but not yet completed. */
	@Override
	public long bufferedBytes() {
		this.lock.lock();
		try {
			return this.bufferedBytes;
		}
		finally {
			this.lock.unlock();
		}
	}

}
