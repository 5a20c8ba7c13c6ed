package io.cnosdb.spring.benchmarks.transport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.cnosdb.spring.benchmarks.Measured;
import io.cnosdb.spring.benchmarks.sink.SinkProcess;

/**
 * Runs B3: per body size, each transport in turn (a short warm-up, then timed runs,
 * interleaved across repetitions), checks the sink received every byte, and prints
 * medians and ratios.
 */
final class TransportRuns {

	private final SinkProcess sink;

	private final List<Transport> transports;

	TransportRuns(SinkProcess sink, List<Transport> transports) {
		this.sink = sink;
		this.transports = transports;
	}

	/**
	 * @param budget bytes per timed run
	 * @param timeCapNanos the longest a timed run lasts, whatever it has sent
	 * @param warmUpNanos how long each transport sends before it is timed, so its code is
	 * compiled
	 */
	void run(TransportBodies bodies, int[] sizes, long budget, long timeCapNanos, long warmUpNanos, int repetitions)
			throws Exception {
		for (int size : sizes) {
			List<byte[]> sized = bodies.of(size);
			Map<Transport, List<Result>> results = new LinkedHashMap<>();
			for (Transport transport : this.transports) {
				send(transport, sized, Long.MAX_VALUE, warmUpNanos);
			}
			for (int repetition = 0; repetition < repetitions; repetition++) {
				for (Transport transport : this.transports) {
					results.computeIfAbsent(transport, (key) -> new ArrayList<>())
						.add(send(transport, sized, budget, timeCapNanos));
				}
			}
			print(size, sized.get(0).length, results);
		}
	}

	private Result send(Transport transport, List<byte[]> bodies, long budget, long timeCapNanos) throws Exception {
		System.gc();
		this.sink.reset();
		long[] sent = new long[2];
		Measured measured = Measured.of(() -> {
			long deadline = System.nanoTime() + timeCapNanos;
			int next = 0;
			while (sent[0] < budget && System.nanoTime() < deadline) {
				byte[] body = bodies.get(next++ % bodies.size());
				transport.post(body);
				sent[0] += body.length;
				sent[1]++;
			}
		});
		SinkProcess.Stats stats = this.sink.stats();
		if (stats.bytes() != sent[0] || stats.requests() != sent[1]) {
			throw new IllegalStateException(transport.name() + " sent " + sent[1] + " requests of " + sent[0]
					+ " bytes in all, but the sink received " + stats.requests() + " requests of " + stats.bytes()
					+ " bytes");
		}
		return new Result(sent[0], measured, stats.connections());
	}

	private static void print(int size, int bodyLength, Map<Transport, List<Result>> results) {
		List<Result> raw = results.values().iterator().next();
		double rawRate = median(raw, true);
		double rawCpu = median(raw, false);
		System.out.println();
		System.out.printf(Locale.ROOT, "bodies of %d KiB (%,d bytes, cut at a line end)%n", size / 1024, bodyLength);
		System.out.printf(Locale.ROOT, "%-34s %9s %10s %13s %16s %9s%n", "transport", "MB/s", "CPU-s/GB", "÷ raw MB/s",
				"÷ raw CPU-s/GB", "connects");
		for (Map.Entry<Transport, List<Result>> entry : results.entrySet()) {
			double rate = median(entry.getValue(), true);
			double cpu = median(entry.getValue(), false);
			List<Result> runs = entry.getValue();
			System.out.printf(Locale.ROOT, "%-34s %9.0f %10.2f %13.2f %16.2f %9d%n", entry.getKey().name(), rate, cpu,
					rate / rawRate, cpu / rawCpu, runs.get(runs.size() - 1).connections());
		}
	}

	private static double median(List<Result> results, boolean rate) {
		return Measured.median(results.stream()
			.mapToDouble((result) -> rate ? result.megabytesPerSecond() : result.cpuSecondsPerGigabyte())
			.toArray());
	}

	/** One timed run: bytes sent, wall and CPU time, connections the sink saw opened. */
	private record Result(long bytes, Measured measured, long connections) {

		double megabytesPerSecond() {
			return this.bytes * 1e3 / this.measured.wallNanos();
		}

		double cpuSecondsPerGigabyte() {
			return (this.measured.cpuNanos() / 1e9) / (this.bytes / 1e9);
		}

	}

}
