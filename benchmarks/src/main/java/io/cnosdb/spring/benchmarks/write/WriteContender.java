package io.cnosdb.spring.benchmarks.write;

/**
 * One way of writing the dataset's points to the sink, from raw values to acknowledged
 * requests, as its library documents it.
 */
interface WriteContender extends AutoCloseable {

	/** The name in the tables. */
	String name();

	/** Whether this is one of ours, the rows of the ratio table. */
	default boolean ours() {
		return false;
	}

	/**
	 * Builds points {@code from .. to} of the data, writes them and returns once all are
	 * acknowledged, every per-run resource (sender, batch writer) closed.
	 */
	void write(WriteDataset data, int from, int to) throws Exception;

	/**
	 * Something the run observed besides time, such as backpressure events; empty if
	 * nothing.
	 */
	default String notes() {
		return "";
	}

	@Override
	default void close() throws Exception {
	}

}
