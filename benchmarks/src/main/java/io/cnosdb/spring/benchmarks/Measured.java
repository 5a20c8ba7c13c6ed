package io.cnosdb.spring.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * Wall-clock and CPU time of one timed run in this JVM. The CPU time is the whole
 * process's ({@code OperatingSystemMXBean#getProcessCpuTime}), so it includes the
 * library's own threads, even those that end within the run (a batch writer's sender),
 * and the garbage collector's, which per-thread CPU clocks would miss. That clock counts
 * in the kernel's ticks (10 ms on Linux), measured once as {@link #TICK_NANOS}: suites in
 * full mode keep each timed run going until it has used {@link #MIN_CPU_TICKS} ticks, so
 * that one tick is under 1 % of it, and widen every CPU figure's interval by a tick.
 *
 * @param wallNanos elapsed time
 * @param cpuNanos CPU time of this process over that time
 */
public record Measured(long wallNanos, long cpuNanos) {

	/** Ticks a timed run uses at least in full mode: one tick is then under 1 %. */
	public static final int MIN_CPU_TICKS = 100;

	private static final com.sun.management.OperatingSystemMXBean OS = (com.sun.management.OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	/** The step in which the process CPU clock moves, measured at start-up. */
	public static final long TICK_NANOS = measureTick();

	/** Runs the work and measures it. */
	public static Measured of(Work work) throws Exception {
		long cpu = OS.getProcessCpuTime();
		long start = System.nanoTime();
		work.run();
		long wall = System.nanoTime() - start;
		return new Measured(wall, OS.getProcessCpuTime() - cpu);
	}

	/** The process CPU clock, in nanoseconds. */
	public static long processCpuNanos() {
		return OS.getProcessCpuTime();
	}

	/** The median of the values (the mean of the middle two for an even count). */
	public static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	/**
	 * The smallest step of the process CPU clock seen while spinning (at most 0.5 s): 10
	 * ms where it counts in kernel ticks, about a microsecond where it does not.
	 */
	private static long measureTick() {
		long smallest = Long.MAX_VALUE;
		long deadline = System.nanoTime() + 500_000_000L;
		long previous = OS.getProcessCpuTime();
		int steps = 0;
		while (steps < 3 && System.nanoTime() < deadline) {
			long now = OS.getProcessCpuTime();
			if (now != previous) {
				smallest = Math.min(smallest, now - previous);
				previous = now;
				steps++;
			}
		}
		return (smallest == Long.MAX_VALUE) ? 10_000_000L : smallest;
	}

	/** Something to time. */
	@FunctionalInterface
	public interface Work {

		void run() throws Exception;

	}

}
