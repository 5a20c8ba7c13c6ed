package io.cnosdb.spring.benchmarks.transport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.cnosdb.spring.benchmarks.Measured;
import io.cnosdb.spring.benchmarks.report.Chart;
import io.cnosdb.spring.benchmarks.report.Estimate;
import io.cnosdb.spring.benchmarks.report.Ratio;
import io.cnosdb.spring.benchmarks.report.Report;
import io.cnosdb.spring.benchmarks.report.RunInfo;
import io.cnosdb.spring.benchmarks.sink.SinkProcess;

/**
 * Runs B3: per body size, each transport in turn (a short warm-up, then timed runs,
 * interleaved across repetitions), checks the sink received every byte, and prints
 * medians with their ranges and ratios with their intervals.
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
	void run(TransportBodies bodies, int[] sizes, long budget, long timeCapNanos, long warmUpNanos, int repetitions,
			long minCpuNanos, RunInfo info) throws Exception {
		Report report = new Report("b3", "B3 HTTP transport", "MB/s", true, info);
		for (int size : sizes) {
			List<byte[]> sized = bodies.of(size);
			Map<Transport, List<Result>> results = new LinkedHashMap<>();
			for (Transport transport : this.transports) {
				send(transport, sized, Long.MAX_VALUE, warmUpNanos, 0);
			}
			for (int repetition = 0; repetition < repetitions; repetition++) {
				for (Transport transport : this.transports) {
					results.computeIfAbsent(transport, (key) -> new ArrayList<>())
						.add(send(transport, sized, budget, timeCapNanos, minCpuNanos));
				}
			}
			print(size, sized.get(0).length, results, report);
		}
		report.write();
	}

	/**
	 * Sends until the budget is sent and {@code minCpuNanos} of CPU are used, or the time
	 * cap is reached.
	 */
	private Result send(Transport transport, List<byte[]> bodies, long budget, long timeCapNanos, long minCpuNanos)
			throws Exception {
		System.gc();
		this.sink.reset();
		long[] sent = new long[2];
		Measured measured = Measured.of(() -> {
			long deadline = System.nanoTime() + timeCapNanos;
			long cpuStart = Measured.processCpuNanos();
			int next = 0;
			while ((sent[0] < budget || Measured.processCpuNanos() - cpuStart < minCpuNanos)
					&& System.nanoTime() < deadline) {
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

	private static void print(int size, int bodyLength, Map<Transport, List<Result>> results, Report report) {
		String group = (size / 1024) + " KiB";
		Transport raw = results.keySet().iterator().next();
		System.out.println();
		System.out.printf(Locale.ROOT, "bodies of %d KiB (%,d bytes, cut at a line end)%n", size / 1024, bodyLength);
		System.out.printf(Locale.ROOT, "%-34s %-20s %-20s %-36s %-36s %9s%n", "transport", "MB/s", "CPU-s/GB",
				"÷ raw MB/s", "÷ raw CPU-s/GB", "connects");
		Map<Transport, Estimate> cpus = new LinkedHashMap<>();
		for (Map.Entry<Transport, List<Result>> entry : results.entrySet()) {
			List<Result> runs = entry.getValue();
			Estimate rate = Estimate.ofRepetitions(runs.stream().mapToDouble(Result::megabytesPerSecond).toArray());
			long fewestBytes = runs.stream().mapToLong(Result::bytes).min().orElse(1);
			Estimate cpu = Estimate.ofRepetitions(runs.stream().mapToDouble(Result::cpuSecondsPerGigabyte).toArray())
				.widen(Measured.TICK_NANOS / (double) fewestBytes);
			cpus.put(entry.getKey(), cpu);
			report.bar(group, entry.getKey().name(), (entry.getKey() == raw) ? Chart.Role.CEILING
					: (entry.getKey() instanceof OursTransport) ? Chart.Role.OURS : Chart.Role.PEER, rate);
			System.out.printf(Locale.ROOT, "%-34s %-20s %-20s %-36s %-36s %9d%n", entry.getKey().name(), rate, cpu,
					Ratio.of(rate, report.estimate(group, raw.name())), Ratio.of(cpu, cpus.get(raw)),
					runs.get(runs.size() - 1).connections());
		}
		for (Transport transport : results.keySet()) {
			if (transport instanceof OursTransport) {
				report.ratio(group, "share of the ceiling, MB/s", transport.name(), raw.name());
			}
		}
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
