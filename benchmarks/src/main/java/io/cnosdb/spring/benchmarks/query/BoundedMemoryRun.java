package io.cnosdb.spring.benchmarks.query;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;

import io.cnosdb.spring.core.CnosTemplate;

/**
 * B4's bounded-memory run, started in its own JVM with a small heap: a CSV answer of a
 * given size, produced while it is read, goes through ours ({@code queryForStream} with a
 * mapper), and the peak heap use is reported. Running out of memory fails the run.
 */
public final class BoundedMemoryRun {

	private BoundedMemoryRun() {
	}

	/**
	 * Prints {@code rows=… bytes=… seconds=… peakHeapBytes=… maxHeapBytes=…} on one line.
	 * @param args the answer's size in bytes
	 */
	public static void main(String[] args) {
		long bytes = Long.parseLong(args[0]);
		GeneratedCsvInputStream[] body = new GeneratedCsvInputStream[1];
		CnosTemplate template = ParseContenders.template(() -> body[0] = new GeneratedCsvInputStream(bytes));
		double[] checksum = new double[1];
		long start = System.nanoTime();
		long rows = ParseContenders.ours(template, ParseContenders.BY_NAME,
				(cpu) -> checksum[0] += cpu.usageSystem() + cpu.count());
		double seconds = (System.nanoTime() - start) / 1e9;
		if (rows != body[0].rowCount()) {
			throw new IllegalStateException("Read " + rows + " rows of " + body[0].rowCount());
		}
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		System.out.printf(Locale.ROOT, "rows=%d bytes=%d seconds=%.2f peakHeapBytes=%d maxHeapBytes=%d checksum=%.1f%n",
				rows, bytes, seconds, peak, Runtime.getRuntime().maxMemory(), checksum[0]);
	}

}
