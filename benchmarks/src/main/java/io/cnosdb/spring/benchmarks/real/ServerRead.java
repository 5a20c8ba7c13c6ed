package io.cnosdb.spring.benchmarks.real;

import io.cnosdb.spring.benchmarks.Measured;
import io.cnosdb.spring.benchmarks.report.Chart;

/**
 * One way of reading a query's rows from a real CnosDB, timed from sending the statement
 * to the last row in hand.
 */
interface ServerRead {

	/** The name in the tables. */
	String name();

	/** Ours, a peer, or the ceiling. */
	Chart.Role role();

	/** What the caller gets: records, dicts, or bytes. */
	String yields();

	/**
	 * Runs the statement in the database and returns the rows read and the time taken.
	 */
	Read read(String database, String sql) throws Exception;

	/**
	 * @param measured time and the client's CPU time
	 * @param rows rows read
	 */
	record Read(Measured measured, long rows) {

	}

}
