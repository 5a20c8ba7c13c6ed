package io.cnosdb.spring.benchmarks.write;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.cnosdb.spring.benchmarks.Measured;
import io.cnosdb.spring.benchmarks.sink.SinkProcess;

/**
 * Runs B2's contenders (a warm-up each, then interleaved repetitions), checks the sink's
 * line count after every run and prints the medians and ratios. Lost or extra lines, or
 * ours sending other bytes than the ceiling's pre-encoded bodies of the same points, fail
 * the run once the tables are printed, so the numbers of the others are not lost with it.
 */
final class WriteRuns {

	private final SinkProcess sink;

	private final WriteDataset data;

	private final List<WriteContender> contenders;

	private final Map<WriteContender, List<Run>> runs = new LinkedHashMap<>();

	/** Lost, extra or different data: reported after the tables, then the run fails. */
	private final List<String> failures = new ArrayList<>();

	WriteRuns(SinkProcess sink, WriteDataset data, List<WriteContender> contenders) {
		this.sink = sink;
		this.data = data;
		this.contenders = contenders;
	}

	/**
	 * @param warmUp points per warm-up run; each contender repeats it until
	 * {@code warmUpNanos} have passed, so that its code is compiled before it is timed
	 * (the compiler's threads would otherwise count as its CPU time)
	 */
	void run(int warmUp, long warmUpNanos, int repetitions) throws Exception {
		for (WriteContender contender : this.contenders) {
			if (contender instanceof RawCeilingWrite raw) {
				raw.prepare(this.data, 0, warmUp);
				raw.prepare(this.data, 0, this.data.size());
			}
			System.out.printf(Locale.ROOT, "warming up %s%n", contender.name());
			long end = System.nanoTime() + warmUpNanos;
			do {
				runOnce(contender, warmUp);
			}
			while (System.nanoTime() < end);
		}
		for (int repetition = 0; repetition < repetitions; repetition++) {
			for (WriteContender contender : this.contenders) {
				Run run = runOnce(contender, this.data.size());
				this.runs.computeIfAbsent(contender, (key) -> new ArrayList<>()).add(run);
				System.out.printf(Locale.ROOT, "  %-42s %8.3f M points/s %8.0f CPU ns/point%n", contender.name(),
						run.pointsPerSecond() / 1e6, run.cpuNanosPerPoint());
			}
		}
		print();
		checkOursSentTheCeilingsBytes();
		if (!this.failures.isEmpty()) {
			throw new IllegalStateException("B2 failed its line-count check:\n  " + String.join("\n  ", this.failures));
		}
	}

	/**
	 * Ours encodes as the ceiling's bodies were encoded: any other byte count means other
	 * data was sent.
	 */
	private void checkOursSentTheCeilingsBytes() {
		long expected = this.runs.entrySet()
			.stream()
			.filter((entry) -> entry.getKey() instanceof RawCeilingWrite)
			.mapToLong((entry) -> entry.getValue().get(0).stats().bytes())
			.findFirst()
			.orElse(-1);
		for (Map.Entry<WriteContender, List<Run>> entry : this.runs.entrySet()) {
			for (Run run : entry.getValue()) {
				if (entry.getKey().ours() && run.stats().bytes() != expected) {
					this.failures.add(entry.getKey().name() + ": sent " + run.stats().bytes() + " bytes, the ceiling's "
							+ "pre-encoded bodies hold " + expected);
				}
			}
		}
	}

	private Run runOnce(WriteContender contender, int points) throws Exception {
		System.gc();
		this.sink.reset();
		Measured measured = Measured.of(() -> contender.write(this.data, 0, points));
		SinkProcess.Stats stats = this.sink.stats();
		if (stats.lines() != points) {
			this.failures
				.add(contender.name() + ": " + points + " points written, " + stats.lines() + " lines received");
		}
		return new Run(points, measured, stats);
	}

	private void print() {
		System.out.println();
		System.out.printf(Locale.ROOT, "%-42s %12s %12s %9s %9s %9s  %s%n", "contender", "M points/s", "CPU ns/pt",
				"B/point", "requests", "connects", "notes");
		for (Map.Entry<WriteContender, List<Run>> entry : this.runs.entrySet()) {
			Run last = entry.getValue().get(entry.getValue().size() - 1);
			System.out.printf(Locale.ROOT, "%-42s %12.3f %12.0f %9.1f %9d %9d  %s%n", entry.getKey().name(),
					median(entry.getValue(), true) / 1e6, median(entry.getValue(), false),
					(double) last.stats().bytes() / last.points(), last.stats().requests(), last.stats().connections(),
					entry.getKey().notes());
		}
		List<WriteContender> ours = this.runs.keySet().stream().filter(WriteContender::ours).toList();
		List<WriteContender> others = this.runs.keySet().stream().filter((contender) -> !contender.ours()).toList();
		System.out.println();
		System.out.println("points/s, ours ÷ this (above 1: ours is faster; raw socket: the share of the ceiling)");
		System.out.printf(Locale.ROOT, "%-42s", "");
		for (int i = 0; i < others.size(); i++) {
			System.out.printf(Locale.ROOT, " %8s", "[" + (i + 1) + "]");
		}
		System.out.println();
		for (WriteContender mine : ours) {
			System.out.printf(Locale.ROOT, "%-42s", mine.name());
			double rate = median(this.runs.get(mine), true);
			for (WriteContender other : others) {
				System.out.printf(Locale.ROOT, " %8.2f", rate / median(this.runs.get(other), true));
			}
			System.out.println();
		}
		for (int i = 0; i < others.size(); i++) {
			System.out.printf(Locale.ROOT, "  [%d] %s%n", i + 1, others.get(i).name());
		}
	}

	private static double median(List<Run> runs, boolean rate) {
		return Measured.median(
				runs.stream().mapToDouble((run) -> rate ? run.pointsPerSecond() : run.cpuNanosPerPoint()).toArray());
	}

	/** One timed run of one contender, and what the sink received. */
	private record Run(int points, Measured measured, SinkProcess.Stats stats) {

		double pointsPerSecond() {
			return this.points * 1e9 / this.measured.wallNanos();
		}

		double cpuNanosPerPoint() {
			return (double) this.measured.cpuNanos() / this.points;
		}

	}

}
