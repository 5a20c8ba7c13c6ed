package io.cnosdb.spring.core.batch;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Receives the batches a {@link CnosBatchWriter} finally could not write, on the writer's
 * flush thread; keep it short, and do not call the writer's {@code flush()} or
 * {@code close()} from it. An exception it throws is logged and otherwise ignored.
 */
@FunctionalInterface
public interface CnosWriteFailureHandler {

	/** Called once per failed batch. */
	void onFailure(CnosWriteFailure failure);

	/**
	 * The default handler: logs each failed batch at ERROR, with its size, target and
	 * cause, but neither its lines (they may be large or sensitive) nor any credentials.
	 */
	static CnosWriteFailureHandler logging() {
		Log log = LogFactory.getLog(CnosBatchWriter.class);
		return (failure) -> log.error("Could not write " + failure.lines().size() + " point(s) to database '"
				+ failure.database() + "' of tenant '" + failure.tenant() + "' after " + failure.attempts()
				+ " attempt(s); they were not written: " + failure.cause().getMessage());
	}

}
