package io.cnosdb.spring.core.batch;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The daemon thread that sends a {@link CnosBatchWriter}'s batches: it takes them from
 * the {@link BatchQueue} in order and hands each to the {@link BatchSender}, until the
 * queue is closed and empty, or, for a spool, until the sender leaves a batch unsent at
 * close, when the rest stays in the spool too. Created stopped; {@link #start()} starts
 * it.
 */
final class FlushThread {

	private static final Log logger = LogFactory.getLog(CnosBatchWriter.class);

	private final BatchSender sender;

	private final Thread thread;

	FlushThread(String name, BatchQueue queue, BatchSender sender) {
		this.sender = sender;
		this.thread = new Thread(() -> {
			try {
				sendUntilClosed(queue, sender);
			}
			finally {
				queue.release();
			}
		}, name);
		this.thread.setDaemon(true);
	}

	/**
	 * Sends batch after batch. Every batch taken is completed, whatever happened to it,
	 * so that its room is freed and flush() does not wait for it forever.
	 */
	private static void sendUntilClosed(BatchQueue queue, BatchSender sender) {
		for (Batch batch = queue.next(); batch != null; batch = queue.next()) {
			boolean settled = true;
			try {
				settled = sender.send(batch);
			}
			catch (RuntimeException ex) {
				// The sender hands every failure of a write to the failure handler; this
				// is a defect elsewhere. Ending the thread would strand every later
				// point.
				logger.error("The batch writer could not finish handling a batch of " + batch.points()
						+ " point(s); whether the server holds them is unknown", ex);
			}
			if (!settled) {
				// Left in the spool at close, with every batch after it.
				return;
			}
			queue.complete(batch);
		}
	}

	void start() {
		this.thread.start();
	}

	boolean isAlive() {
		return this.thread.isAlive();
	}

	/** Whether the calling thread is this one. */
	boolean isCurrent() {
		return Thread.currentThread() == this.thread;
	}

	/**
	 * Waits until the thread ends, once the buffer is closed. Sending goes on for at most
	 * {@code timeout}; past it, or once the wait is interrupted, the sender is abandoned,
	 * so the batches left go to the failure handler unsent, and the wait goes on until
	 * they are handed over. An interrupt is passed on when this returns.
	 */
	void join(Duration timeout) {
		boolean interrupted = false;
		long deadline = System.nanoTime() + timeout.toNanos();
		while (this.thread.isAlive()) {
			try {
				long remaining = deadline - System.nanoTime();
				if (remaining > 0 && !this.sender.isAbandoned()) {
					this.thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining)));
				}
				else {
					this.sender.abandon();
					this.thread.join();
				}
			}
			catch (InterruptedException ex) {
				// Interrupting ends sending early, as the timeout would, but not the
				// hand-over: the failure handler still gets every batch before this
				// returns.
				interrupted = true;
				this.sender.abandon();
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

}
