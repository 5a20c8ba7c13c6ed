package io.cnosdb.spring.core.batch;

/**
 * Observes a {@link CnosBatchWriter}, for metrics. Called on the writer's flush thread;
 * every method does nothing by default.
 */
public interface CnosBatchWriterListener {

	/**
	 * The writer was built and its flush thread started; called on the building thread.
	 */
	default void writerStarted(CnosBatchWriter writer) {
	}

	/** The server acknowledged a batch. */
	default void batchWritten(int points, int bytes) {
	}

	/** A batch failed transiently and will be sent again. */
	default void batchRetried(int points, Throwable cause) {
	}

	/** A batch finally failed and went to the failure handler. */
	default void batchFailed(int points, Throwable cause) {
	}

	/**
	 * The spool was full and its oldest unsent points were dropped to make room (with the
	 * {@code DROP_OLDEST} backpressure); called on the writing thread.
	 */
	default void pointsDropped(long points) {
	}

}
