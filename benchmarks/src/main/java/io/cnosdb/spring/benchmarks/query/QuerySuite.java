package io.cnosdb.spring.benchmarks.query;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.cnosdb.spring.benchmarks.Measured;
import io.cnosdb.spring.benchmarks.Suite;
import io.cnosdb.spring.benchmarks.report.Chart;
import io.cnosdb.spring.benchmarks.report.Estimate;
import io.cnosdb.spring.benchmarks.report.Ratio;
import io.cnosdb.spring.benchmarks.report.Report;
import io.cnosdb.spring.benchmarks.report.RunInfo;

/**
 * B5: a whole query over loopback, ours against downloading the same answer and dropping
 * it, and against a do-it-yourself client. A replay server in its own JVM answers with
 * the CSV of N generated rows; every contender's rows (or bytes) are checked against what
 * it sent (rows and, through a checksum, every value), and rounds alternate between
 * contenders.
 */
public final class QuerySuite implements Suite {

	@Override
	public String name() {
		return "b5";
	}

	@Override
	public String description() {
		return "end-to-end query over loopback from a replay server (rows/s and client CPU ns/row)";
	}

	@Override
	public void run(boolean quick) throws Exception {
		int rows = quick ? 1_000_000 : 10_000_000;
		int warmups = quick ? 2 : 3;
		int rounds = quick ? 3 : 7;
		String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
		Process server = new ProcessBuilder(java, "-Xms256m", "-Xmx256m", "-cp", System.getProperty("java.class.path"),
				ReplayServer.class.getName(), Integer.toString(rows))
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		try {
			String ready = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))
				.readLine();
			if (ready == null) {
				throw new IllegalStateException("The replay server did not start");
			}
			Map<String, String> facts = new LinkedHashMap<>();
			for (String fact : ready.split(" ")) {
				facts.put(fact.substring(0, fact.indexOf('=')), fact.substring(fact.indexOf('=') + 1));
			}
			long bytes = Long.parseLong(facts.get("bytes"));
			try (DownloadContenders contenders = new DownloadContenders(Integer.parseInt(facts.get("port")), rows)) {
				measure(contenders, rows, bytes, warmups, rounds,
						quick ? 0 : Measured.MIN_CPU_TICKS * Measured.TICK_NANOS, RunInfo.current(quick));
			}
		}
		finally {
			server.destroy();
			server.waitFor();
		}
	}

	/**
	 * @param minCpuNanos CPU time a timed round of a contender uses at least: it queries
	 * again until it has
	 */
	private static void measure(DownloadContenders contenders, int rows, long bytes, int warmups, int rounds,
			long minCpuNanos, RunInfo info) throws Exception {
		long expectedChecksum = expectedChecksum(rows);
		Map<String, Contender> all = new LinkedHashMap<>();
		all.put("ours", new Contender(contenders::ours, rows, true));
		all.put("rawDownload", new Contender(contenders::rawDownload, bytes, false));
		all.put("diyJdkFastCsv", new Contender(contenders::diyJdkFastCsv, rows, true));
		all.put("oursParseOnly", new Contender(contenders::oursParseOnly, rows, true));
		Map<String, double[][]> samples = new LinkedHashMap<>();
		all.keySet().forEach((name) -> samples.put(name, new double[2][rounds]));
		for (int round = -warmups; round < rounds; round++) {
			for (Map.Entry<String, Contender> entry : all.entrySet()) {
				int[] passes = new int[1];
				long roundMinCpu = (round >= 0) ? minCpuNanos : 0;
				Measured measured = Measured.of(() -> {
					long cpuStart = Measured.processCpuNanos();
					do {
						check(entry.getKey(), entry.getValue(), entry.getValue().task().run(), contenders.checksum,
								expectedChecksum);
						passes[0]++;
					}
					while (Measured.processCpuNanos() - cpuStart < roundMinCpu);
				});
				if (round >= 0) {
					samples.get(entry.getKey())[0][round] = (double) rows * passes[0] * 1e9 / measured.wallNanos();
					samples.get(entry.getKey())[1][round] = (double) measured.cpuNanos() / rows / passes[0];
				}
			}
		}
		print(samples, rows, bytes, rounds, info);
	}

	/** Stops the run unless the contender counted and (if it reads values) read right. */
	private static void check(String name, Contender contender, long counted, long checksum, long expectedChecksum) {
		if (counted != contender.expected()) {
			throw new IllegalStateException(
					"Correctness gate failed: " + name + " counted " + counted + ", expected " + contender.expected());
		}
		if (contender.checksummed() && checksum != expectedChecksum) {
			throw new IllegalStateException("Correctness gate failed: " + name + " read other values than were sent "
					+ "(checksum " + checksum + ", expected " + expectedChecksum + ")");
		}
	}

	private static void print(Map<String, double[][]> samples, int rows, long bytes, int rounds, RunInfo info) {
		Report report = new Report("b5", "B5 query end to end", "rows/s", true, info);
		System.out.println();
		System.out.printf(Locale.ROOT, "B5 query end to end, %s; %d rows, %d MB of CSV, %d rounds%n", info.describe(),
				rows, bytes / 1_000_000, rounds);
		System.out.printf(Locale.ROOT,
				"figures: median (lowest–highest) of the rounds, no interval under %d; CPU: the "
						+ "process clock, widened by its %.0f ms tick; rows and every value checked%n",
				Estimate.MIN_REPETITIONS, Measured.TICK_NANOS / 1e6);
		System.out.printf(Locale.ROOT, "%-16s %-30s %-14s %-22s %s%n", "contender", "rows/s", "MB/s", "CPU ns/row",
				"ours ÷ this");
		for (Map.Entry<String, double[][]> entry : samples.entrySet()) {
			Estimate rate = Estimate.ofRepetitions(entry.getValue()[0]);
			Estimate cpu = Estimate.ofRepetitions(entry.getValue()[1]).widen((double) Measured.TICK_NANOS / rows);
			report.bar("all", entry.getKey(), role(entry.getKey()), rate);
			System.out.printf(Locale.ROOT, "%-16s %-30s %-14.1f %-22s %s%n", entry.getKey(), rate,
					rate.value() * bytes / rows / 1e6, cpu,
					Ratio.of(Estimate.ofRepetitions(samples.get("ours")[0]), rate));
		}
		report.ratio("all", "like for like: HTTP + parse to records", "ours", "diyJdkFastCsv");
		report.ratio("all", "share of the ceiling", "ours", "rawDownload");
		report.ratio("all", "end to end ÷ parse alone (target ≥ 0.8)", "ours", "oursParseOnly");
		System.out.println("(rawDownload reads the same answer and drops it; oursParseOnly is ours on the same answer "
				+ "from memory, no network: the target is ours ÷ oursParseOnly ≥ 0.8)");
		report.write();
	}

	private static Chart.Role role(String contender) {
		return switch (contender) {
			case "ours" -> Chart.Role.OURS;
			case "rawDownload" -> Chart.Role.CEILING;
			case "oursParseOnly" -> Chart.Role.FLOOR;
			default -> Chart.Role.PEER;
		};
	}

	/** The sum of {@link Cpu#checksum} over the rows the replay server sends. */
	private static long expectedChecksum(int rows) {
		QueryDataset.Rows generator = new QueryDataset.Rows();
		long checksum = 0;
		for (int i = 0; i < rows; i++) {
			checksum += Cpu.checksum(generator.next());
		}
		return checksum;
	}

	@FunctionalInterface
	private interface Task {

		long run() throws Exception;

	}

	/**
	 * @param expected the rows (bytes for the download) it must count
	 * @param checksummed whether it reads values, which must then sum to the expected
	 * checksum
	 */
	private record Contender(Task task, long expected, boolean checksummed) {
	}

}
