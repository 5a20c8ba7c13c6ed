package io.cnosdb.spring.benchmarks.write;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.cnosdb.spring.benchmarks.Measured;
import io.cnosdb.spring.benchmarks.report.Chart;
import io.cnosdb.spring.benchmarks.report.Estimate;
import io.cnosdb.spring.benchmarks.report.Report;
import io.cnosdb.spring.benchmarks.report.RunInfo;
import io.cnosdb.spring.benchmarks.sink.SinkProcess;

/**
 * Runs B2's contenders (a warm-up each, then interleaved repetitions), checks the sink's
 * line count after every run and prints medians with their ranges, and ratios with their
 * intervals. Lost or extra lines, or ours sending other bytes than the ceiling's
 * pre-encoded bodies of the same points, fail the run once the tables are printed, so the
 * numbers of the others are not lost with it.
 */
final class WriteRuns {

	private static final String GROUP = "all";

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
	 * @param minCpuNanos CPU time a timed run uses at least: it writes the dataset again
	 * until it has (0 for one pass)
	 */
	void run(int warmUp, long warmUpNanos, int repetitions, long minCpuNanos, RunInfo info) throws Exception {
		for (WriteContender contender : this.contenders) {
			if (contender instanceof RawCeilingWrite raw) {
				raw.prepare(this.data, 0, warmUp);
				raw.prepare(this.data, 0, this.data.size());
			}
			System.out.printf(Locale.ROOT, "warming up %s%n", contender.name());
			long end = System.nanoTime() + warmUpNanos;
			do {
				runOnce(contender, warmUp, 0);
			}
			while (System.nanoTime() < end);
		}
		for (int repetition = 0; repetition < repetitions; repetition++) {
			for (WriteContender contender : this.contenders) {
				Run run = runOnce(contender, this.data.size(), minCpuNanos);
				this.runs.computeIfAbsent(contender, (key) -> new ArrayList<>()).add(run);
				System.out.printf(Locale.ROOT, "  %-42s %8.3f M points/s %8.0f CPU ns/point (%d pass(es))%n",
						contender.name(), run.pointsPerSecond() / 1e6, run.cpuNanosPerPoint(), run.passes());
			}
		}
		print(info);
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
			.mapToLong((entry) -> entry.getValue().get(0).bytesPerPass())
			.findFirst()
			.orElse(-1);
		for (Map.Entry<WriteContender, List<Run>> entry : this.runs.entrySet()) {
			for (Run run : entry.getValue()) {
				if (entry.getKey().ours() && run.bytesPerPass() != expected) {
					this.failures.add(entry.getKey().name() + ": sent " + run.bytesPerPass() + " bytes per pass, the "
							+ "ceiling's pre-encoded bodies hold " + expected);
				}
			}
		}
	}

	private Run runOnce(WriteContender contender, int points, long minCpuNanos) throws Exception {
		System.gc();
		this.sink.reset();
		int[] passes = new int[1];
		Measured measured = Measured.of(() -> {
			long cpuStart = Measured.processCpuNanos();
			do {
				contender.write(this.data, 0, points);
				passes[0]++;
			}
			while (Measured.processCpuNanos() - cpuStart < minCpuNanos);
		});
		SinkProcess.Stats stats = this.sink.stats();
		long expected = (long) points * passes[0];
		if (stats.lines() != expected) {
			this.failures
				.add(contender.name() + ": " + expected + " points written, " + stats.lines() + " lines received");
		}
		return new Run(points, passes[0], measured, stats);
	}

	private void print(RunInfo info) {
		Report report = new Report("b2", "B2 write end to end", "M points/s", true, info);
		System.out.println();
		System.out.printf(Locale.ROOT, "B2 write end to end, %s%n", info.describe());
		System.out.printf(Locale.ROOT,
				"figures: median (lowest–highest) of the repetitions; CPU widened by the "
						+ "CPU clock's %.0f ms tick; no interval under %d repetitions%n",
				Measured.TICK_NANOS / 1e6, Estimate.MIN_REPETITIONS);
		System.out.printf(Locale.ROOT, "%-42s %-24s %-20s %9s %9s %9s  %-36s %s%n", "contender", "M points/s",
				"CPU ns/pt", "B/point", "requests", "connects", "threads", "notes");
		for (Map.Entry<WriteContender, List<Run>> entry : this.runs.entrySet()) {
			WriteContender contender = entry.getKey();
			List<Run> contenderRuns = entry.getValue();
			Run last = contenderRuns.get(contenderRuns.size() - 1);
			Estimate rate = Estimate
				.ofRepetitions(contenderRuns.stream().mapToDouble((run) -> run.pointsPerSecond() / 1e6).toArray());
			long fewestPoints = contenderRuns.stream().mapToLong(Run::totalPoints).min().orElse(1);
			Estimate cpu = Estimate.ofRepetitions(contenderRuns.stream().mapToDouble(Run::cpuNanosPerPoint).toArray())
				.widen((double) Measured.TICK_NANOS / fewestPoints);
			report.bar(GROUP, contender.name(), role(contender), rate);
			System.out.printf(Locale.ROOT, "%-42s %-24s %-20s %9.1f %9d %9d  %-36s %s%n", contender.name(), rate, cpu,
					(double) last.stats().bytes() / last.totalPoints(), last.stats().requests(),
					last.stats().connections(), contender.threading().description(), contender.notes());
		}
		System.out.println();
		System.out.println("points/s, ours ÷ this (above 1: ours is faster; against the raw socket: the share of the "
				+ "ceiling), like-for-like pairs named as such");
		for (WriteContender mine : this.runs.keySet().stream().filter(WriteContender::ours).toList()) {
			for (WriteContender other : this.runs.keySet().stream().filter((contender) -> !contender.ours()).toList()) {
				report.ratio(GROUP, kind(mine, other), mine.name(), other.name());
			}
		}
		System.out.println("(pipelined peers: influxdb-client-java's asynchronous WriteApi; QuestDB's Sender has no "
				+ "pipelined mode)");
		report.write();
	}

	private static String kind(WriteContender mine, WriteContender other) {
		if (other.threading() == WriteContender.Threading.CEILING) {
			return "share of the ceiling";
		}
		if (mine.threading() == other.threading()) {
			return "like for like: "
					+ ((mine.threading() == WriteContender.Threading.SINGLE) ? "single-threaded" : "pipelined");
		}
		return "NOT like for like: " + mine.threading().name().toLowerCase(Locale.ROOT) + " vs "
				+ other.threading().name().toLowerCase(Locale.ROOT);
	}

	private static Chart.Role role(WriteContender contender) {
		if (contender.ours()) {
			return Chart.Role.OURS;
		}
		return (contender.threading() == WriteContender.Threading.CEILING) ? Chart.Role.CEILING : Chart.Role.PEER;
	}

	/** One timed run of one contender (the dataset written {@code passes} times). */
	private record Run(int points, int passes, Measured measured, SinkProcess.Stats stats) {

		long totalPoints() {
			return (long) this.points * this.passes;
		}

		long bytesPerPass() {
			return this.stats.bytes() / this.passes;
		}

		double pointsPerSecond() {
			return totalPoints() * 1e9 / this.measured.wallNanos();
		}

		double cpuNanosPerPoint() {
			return (double) this.measured.cpuNanos() / totalPoints();
		}

	}

}
