package io.cnosdb.spring.benchmarks.real;

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
import io.cnosdb.spring.benchmarks.write.WriteDataset;
import io.cnosdb.spring.core.CnosTemplate;

/**
 * Runs B6's writes: each into a new database, its points counted back with a query
 * afterwards (any other count fails the run once the tables are printed), the database
 * dropped. Repetitions are interleaved, each starting with another contender, so that the
 * server's own drift (compactions, caches) is shared out.
 */
final class ServerWriteRuns {

	private final RealServer server;

	private final WriteDataset data;

	private final List<ServerWrite> writes;

	private final Map<ServerWrite, List<Measured>> runs = new LinkedHashMap<>();

	private final List<String> failures = new ArrayList<>();

	ServerWriteRuns(RealServer server, WriteDataset data, List<ServerWrite> writes) {
		this.server = server;
		this.data = data;
		this.writes = writes;
	}

	/**
	 * Runs the repetitions. There is no warm-up run: at a real server's pace one run
	 * lasts over a minute, and compiling, which falls in the first repetition, is left
	 * out by the median.
	 */
	void run(int repetitions, RunInfo info) throws Exception {
		for (int repetition = 0; repetition < repetitions; repetition++) {
			for (int k = 0; k < this.writes.size(); k++) {
				int index = (k + repetition) % this.writes.size();
				ServerWrite write = this.writes.get(index);
				Measured measured = runOnce(write, "b6_r" + repetition + "_c" + index);
				this.runs.computeIfAbsent(write, (key) -> new ArrayList<>()).add(measured);
				System.out.printf(Locale.ROOT, "  %-44s %8.3f M points/s %8.0f CPU ns/point%n", write.name(),
						pointsPerSecond(measured) / 1e6, cpuPerPoint(measured));
			}
		}
		print(info);
		if (!this.failures.isEmpty()) {
			throw new IllegalStateException("B6 failed its count-back:\n  " + String.join("\n  ", this.failures));
		}
	}

	private Measured runOnce(ServerWrite write, String database) throws Exception {
		try (CnosTemplate admin = this.server.template("public")) {
			admin.dropDatabaseIfExists(database);
			admin.createDatabase(database);
			System.gc();
			Measured measured = write.write(database);
			try (CnosTemplate read = this.server.template(database)) {
				long held = ReadDatabase.count(read);
				if (held != this.data.size()) {
					this.failures.add(write.name() + ": " + this.data.size() + " points written, " + held
							+ " counted back in " + database);
				}
			}
			admin.dropDatabase(database);
			return measured;
		}
	}

	private void print(RunInfo info) {
		String group = String.format(Locale.ROOT, "%,d points", this.data.size());
		Report rate = new Report("b6", "B6 write, real CnosDB", "M points/s", true, info);
		Report cpu = new Report("b6-cpu", "B6 write, real CnosDB, client CPU", "ns/point", false, info);
		System.out.printf(Locale.ROOT, "%nB6 write, %s%n", info.describe());
		System.out.printf(Locale.ROOT,
				"figures: median (lowest–highest) of the repetitions; CPU is the client process's (the server's is "
						+ "not billed), widened by the CPU clock's %.0f ms tick; every point counted back%n",
				Measured.TICK_NANOS / 1e6);
		System.out.printf(Locale.ROOT, "%-44s %-22s %-20s %-30s %s%n", "contender", "M points/s", "client CPU ns/pt",
				"threads", "starts from");
		this.runs.forEach((write, measured) -> {
			Estimate pointsPerSecond = Estimate
				.ofRepetitions(measured.stream().mapToDouble((run) -> pointsPerSecond(run) / 1e6).toArray());
			Estimate cpuPerPoint = Estimate.ofRepetitions(measured.stream().mapToDouble(this::cpuPerPoint).toArray())
				.widen((double) Measured.TICK_NANOS / this.data.size());
			rate.bar(group, write.name(), write.role(), pointsPerSecond);
			cpu.bar(group, write.name(), write.role(), cpuPerPoint);
			System.out.printf(Locale.ROOT, "%-44s %-22s %-20s %-30s %s%n", write.name(), pointsPerSecond, cpuPerPoint,
					write.threads(), write.startsFrom());
		});
		System.out.println("points/s, ours ÷ this (against the plain POST: the share of the ceiling); client CPU per "
				+ "point, this ÷ ours");
		List<ServerWrite> ours = this.runs.keySet()
			.stream()
			.filter((write) -> write.role() == Chart.Role.OURS)
			.toList();
		List<ServerWrite> others = this.runs.keySet()
			.stream()
			.filter((write) -> write.role() != Chart.Role.OURS)
			.toList();
		for (ServerWrite mine : ours) {
			for (ServerWrite other : others) {
				rate.ratio(group, kind(mine, other), mine.name(), other.name());
				if (other.role() == Chart.Role.PEER) {
					cpu.ratio(group, "CPU, this ÷ ours", other.name(), mine.name());
				}
			}
		}
		rate.write();
		cpu.write();
	}

	private static String kind(ServerWrite mine, ServerWrite other) {
		if (other.role() == Chart.Role.CEILING) {
			return "share of the ceiling";
		}
		if (!mine.startsFrom().equals(other.startsFrom())) {
			return "NOT like for like (peer pre-formatted)";
		}
		return mine.threads().startsWith("1") ? "like for like, single-threaded" : "ours pipelined, peer not";
	}

	private double pointsPerSecond(Measured measured) {
		return this.data.size() / (measured.wallNanos() / 1e9);
	}

	private double cpuPerPoint(Measured measured) {
		return (double) measured.cpuNanos() / this.data.size();
	}

}
