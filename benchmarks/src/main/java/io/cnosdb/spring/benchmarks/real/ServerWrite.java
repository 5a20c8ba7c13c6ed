package io.cnosdb.spring.benchmarks.real;

import io.cnosdb.spring.benchmarks.Measured;
import io.cnosdb.spring.benchmarks.report.Chart;

/**
 * One way of writing B6's points into a real CnosDB, timed from the first point built (or
 * the first byte sent, for the pre-encoded ceiling) to the last request acknowledged.
 */
interface ServerWrite {

	/** The name in the tables. */
	String name();

	/** Ours, a peer, or the ceiling. */
	Chart.Role role();

	/** The threads it works on, for the table. */
	String threads();

	/** What it starts from: raw values, or lines formatted before the clock started. */
	String startsFrom();

	/**
	 * Writes every point of the dataset into the database (which exists and is empty) and
	 * returns the time and the client's CPU time it took.
	 */
	Measured write(String database) throws Exception;

}
