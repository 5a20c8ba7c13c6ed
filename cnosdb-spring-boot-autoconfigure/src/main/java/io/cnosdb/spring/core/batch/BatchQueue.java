package io.cnosdb.spring.core.batch;

import java.util.function.BooleanSupplier;

import org.jspecify.annotations.Nullable;

import io.cnosdb.spring.core.batch.spool.SpoolStatus;

/**
 * Where a {@link CnosBatchWriter}'s accepted points wait to be sent: callers
 * {@linkplain #add add} encoded points, the flush thread takes batches in order with
 * {@link #next()} and {@linkplain #complete completes} each once it is acknowledged or
 * handed to the failure handler. In memory ({@link BatchBuffer}), or on disk
 * ({@link SpooledBatchQueue}). Thread-safe.
 */
interface BatchQueue {

	/**
	 * Accepts points in order: {@code count} whole lines in {@code lines}, line {@code i}
	 * ending at {@code ends[i]}.
	 * @throws CnosWriteBufferFullException if there is no room; the points before were
	 * accepted
	 * @throws IllegalStateException if the queue is closed
	 */
	void add(byte[] lines, int[] ends, int count);

	/**
	 * The next batch to send, in order, waiting for one to be due: full, old enough, or
	 * asked for by a flush or by closing. For the flush thread only.
	 * @return the batch, or {@code null} once the queue is closed and empty
	 */
	@Nullable Batch next();

	/**
	 * Counts a batch taken by {@link #next()} as acknowledged or handed over: frees its
	 * room and wakes whoever waits on it.
	 */
	void complete(Batch batch);

	/**
	 * Asks for everything accepted so far to be sent, and waits until it is completed.
	 * @param sending whether the flush thread still runs; checked while waiting
	 * @throws IllegalStateException if the flush thread stops before that
	 */
	void awaitCompleted(BooleanSupplier sending);

	/**
	 * Stops accepting points; {@link #next()} returns {@code null} once what is left is
	 * taken. Calling it again does nothing.
	 */
	void close();

	/**
	 * Lets go of what the queue holds once the flush thread has ended: a spool keeps the
	 * points it could not send for the next writer.
	 */
	default void release() {
	}

	/**
	 * Whether points left unsent when the writer closes outlive it, so that they need not
	 * go to the failure handler.
	 */
	default boolean isDurable() {
		return false;
	}

	/** The points accepted but not yet completed. */
	int bufferedPoints();

	/** The bytes of line protocol accepted but not yet completed. */
	long bufferedBytes();

	/** The spool's state, or {@code null} if the points are kept in memory. */
	default @Nullable SpoolStatus spoolStatus() {
		return null;
	}

}
