package io.cnosdb.spring.benchmarks;

/**
 * One of the benchmarks B1–B5: it runs ours and the peers in the same run on the same
 * data and prints its own table of ratios.
 */
public interface Suite {

	/** The short name that selects the suite on the command line, such as {@code b1}. */
	String name();

	/** What the suite measures, one line. */
	String description();

	/**
	 * Runs the suite and prints its ratio table to standard output.
	 * @param quick whether to make a short smoke run rather than the full protocol
	 * @throws Exception if the run fails, including when its correctness gate does
	 */
	void run(boolean quick) throws Exception;

}
