package io.cnosdb.spring.core.batch;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A {@link CnosBatchWriterListener} that logs what the listener it wraps throws instead
 * of passing it on: a listener observes the writer, so its failure must neither fail nor
 * resend a batch, nor stop the flush thread.
 */
final class SafeListener implements CnosBatchWriterListener {

	private static final Log logger = LogFactory.getLog(CnosBatchWriter.class);

	private final CnosBatchWriterListener listener;

	SafeListener(CnosBatchWriterListener listener) {
		this.listener = listener;
	}

	@Override
	public void writerStarted(CnosBatchWriter writer) {
		notify(() -> this.listener.writerStarted(writer));
	}

	@Override
	public void batchWritten(int points, int bytes) {
		notify(() -> this.listener.batchWritten(points, bytes));
	}

	@Override
	public void batchRetried(int points, Throwable cause) {
		notify(() -> this.listener.batchRetried(points, cause));
	}

	@Override
	public void batchFailed(int points, Throwable cause) {
		notify(() -> this.listener.batchFailed(points, cause));
	}

	@Override
	public void pointsDropped(long points) {
		notify(() -> this.listener.pointsDropped(points));
	}

	private static void notify(Runnable call) {
		try {
			call.run();
		}
		catch (Throwable ex) {
			logger.warn("A batch writer listener failed", ex);
		}
	}

}
