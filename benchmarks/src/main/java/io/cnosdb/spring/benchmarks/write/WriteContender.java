package io.cnosdb.spring.benchmarks.write;

/**
 * One way of writing the dataset's points to the sink, from raw values to acknowledged
 * requests, as its library documents it.
 */
interface WriteContender extends AutoCloseable {

	/** The name in the tables. */
	String name();

	/**
	 * How the contender spreads its work over threads, which decides the contenders it is
	 * compared with like for like.
	 */
	Threading threading();

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

	/** How a contender uses threads. */
	enum Threading {

		/** Everything on the caller's thread: build, encode, send, wait. */
		SINGLE("1: the caller's"),

		/** The caller builds and encodes while threads of the library send. */
		PIPELINED("caller + library's sender threads"),

		/** Bytes encoded before the clock starts, sent on the caller's thread. */
		CEILING("1: the caller's, nothing to encode");

		private final String description;

		Threading(String description) {
			this.description = description;
		}

		/** The threads, for the table. */
		public String description() {
			return this.description;
		}

	}

}
