package io.cnosdb.spring.benchmarks.transport;

/**
 * One HTTP client posting whole bodies to the sink, one request at a time, as its library
 * documents it.
 */
interface Transport extends AutoCloseable {

	/** The name in the tables. */
	String name();

	/**
	 * POSTs the body with a {@code Content-Length} and returns once a 2xx answer is read.
	 */
	void post(byte[] body) throws Exception;

	@Override
	default void close() throws Exception {
	}

	/** Fails on an answer other than 2xx. */
	static void checkStatus(int status) {
		if (status < 200 || status > 299) {
			throw new IllegalStateException("The sink answered " + status);
		}
	}

}
