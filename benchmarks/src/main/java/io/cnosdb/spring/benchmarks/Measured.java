package io.cnosdb.spring.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * Wall-clock and CPU time of one timed run in this JVM: the CPU time is the whole
 * process's ({@code OperatingSystemMXBean#getProcessCpuTime}), so it includes the
 * library's own threads and the garbage collector.
 *
 * @param wallNanos elapsed time
 * @param cpuNanos CPU time of this process over that time
 */
public record Measured(long wallNanos, long cpuNanos) {

	private static final com.sun.management.OperatingSystemMXBean OS = (com.sun.management.OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	/** Runs the work and measures it. */
	public static Measured of(Work work) throws Exception {
		long cpu = OS.getProcessCpuTime();
		long start = System.nanoTime();
		work.run();
		long wall = System.nanoTime() - start;
		return new Measured(wall, OS.getProcessCpuTime() - cpu);
	}

	/** The median of the values (the mean of the middle two for an even count). */
	public static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	/** Something to time. */
	@FunctionalInterface
	public interface Work {

		void run() throws Exception;

	}

}
