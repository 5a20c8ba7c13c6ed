package io.cnosdb.spring.benchmarks.real;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.cnosdb.spring.benchmarks.Suite;
import io.cnosdb.spring.benchmarks.report.Chart;
import io.cnosdb.spring.benchmarks.report.Estimate;
import io.cnosdb.spring.benchmarks.report.Ratio;
import io.cnosdb.spring.benchmarks.report.Report;
import io.cnosdb.spring.benchmarks.report.RunInfo;
import io.cnosdb.spring.benchmarks.write.WriteDataset;

/**
 * B7: streamed answers from a real CnosDB. For answers of 10 K to 10 M rows: the time to
 * the first row and the client's peak memory, for ours (which asks for a streamed
 * answer), for the same statement without {@code chunked=true} (the server collects the
 * whole answer first), and for cnos-connector. Each query runs in a process of its own
 * (Java ones with a {@value #JAVA_HEAP} heap), so its memory is the query's alone. Needs
 * {@code CNOSDB_URL}; skipped, and said so, without it.
 */
public final class StreamSuite implements Suite {

	private static final String JAVA_HEAP = "64m";

	private static final int[] SIZES = { 10_000, 100_000, 1_000_000, 10_000_000 };

	/** The connector holds every row as a dict: 10 M rows would need several GiB. */
	private static final int CONNECTOR_MAX_ROWS = 1_000_000;

	private static final String OURS = "ours queryForStream (streamed)";

	private static final String UNCHUNKED = "same statement, not streamed";

	private static final String CONNECTOR = "cnos-connector execute";

	@Override
	public String name() {
		return "b7";
	}

	@Override
	public String description() {
		return "a real CnosDB: time to first row and client memory, 10 K to 10 M rows, streamed or not";
	}

	@Override
	public void run(boolean quick) throws Exception {
		Optional<RealServer> found = RealServer.forSuite("B7");
		if (found.isEmpty()) {
			return;
		}
		RealServer server = found.get();
		int largest = quick ? 1_000_000 : SIZES[SIZES.length - 1];
		int repetitions = quick ? 1 : Estimate.MIN_REPETITIONS;
		RunInfo info = RunInfo.current(quick);
		ReadDatabase.ensure(server, new WriteDataset(largest));
		Path work = Files.createTempDirectory("b7-");
		try {
			PythonConnector python = PythonConnector.available() ? new PythonConnector(server, work) : null;
			print(measure(server, python, largest, repetitions), info);
		}
		finally {
			RealServerSuite.deleteQuietly(work);
		}
	}

	/** The probes of every contender, by answer size, repetitions interleaved. */
	private static Map<String, Map<String, List<Probe>>> measure(RealServer server, PythonConnector python, int largest,
			int repetitions) throws IOException, InterruptedException {
		Map<String, Map<String, List<Probe>>> results = new LinkedHashMap<>();
		for (int repetition = 0; repetition < repetitions; repetition++) {
			for (int size : SIZES) {
				// The largest answer takes over a minute at this server's pace: once.
				if (size > largest || (size == SIZES[SIZES.length - 1] && repetition > 0)) {
					continue;
				}
				String group = String.format(Locale.ROOT, "%,d rows", size);
				Map<String, List<Probe>> bySize = results.computeIfAbsent(group, (key) -> new LinkedHashMap<>());
				record(bySize, OURS, size, java(server, "ours", size));
				record(bySize, UNCHUNKED, size, java(server, "unchunked", size));
				if (python != null && size <= CONNECTOR_MAX_ROWS) {
					PythonConnector.Result result = python.run("query", ReadDatabase.NAME, ServerReads.select(size));
					// execute returns all rows at once: its first row comes with its
					// last.
					record(bySize, CONNECTOR, size, new Probe(result.wallNanos(), result.wallNanos(), result.count(),
							-1, result.maxResidentBytes()));
				}
			}
		}
		return results;
	}

	private static void record(Map<String, List<Probe>> bySize, String contender, int size, Probe probe) {
		if (probe.rows() != size) {
			throw new IllegalStateException(contender + " read " + probe.rows() + " rows of " + size);
		}
		bySize.computeIfAbsent(contender, (key) -> new ArrayList<>()).add(probe);
		System.out.printf(Locale.ROOT,
				"  %,12d rows  %-34s first row %9.1f ms  last %9.1f ms  live heap %7s  RSS %6.0f MiB%n", size,
				contender, probe.firstRowNanos() / 1e6, probe.wallNanos() / 1e6,
				(probe.peakLiveBytes() < 0) ? "-"
						: String.format(Locale.ROOT, "%.1f MiB", probe.peakLiveBytes() / 1048576.0),
				probe.peakResidentBytes() / 1048576.0);
	}

	private static Probe java(RealServer server, String mode, int rows) throws IOException, InterruptedException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Map<String, Long> values = server.runChild(
				List.of(java, "-Xms" + JAVA_HEAP, "-Xmx" + JAVA_HEAP, "-cp", System.getProperty("java.class.path"),
						StreamProbe.class.getName(), mode, server.url(), ReadDatabase.NAME, Integer.toString(rows)),
				"The " + mode + " probe of " + rows + " rows");
		return new Probe(values.get("first_row_ns"), values.get("wall_ns"), values.get("count"),
				values.get("peak_live_bytes"), values.get("max_rss_kb") * 1024);
	}

	private static void print(Map<String, Map<String, List<Probe>>> results, RunInfo info) {
		Report firstRow = new Report("b7-first-row", "B7 time to first row, real CnosDB", "ms", false, info);
		Report memory = new Report("b7-memory", "B7 client peak resident memory, real CnosDB", "MiB", false, info);
		System.out.printf(Locale.ROOT, "%nB7 streamed answers, %s%n", info.describe());
		System.out.printf(Locale.ROOT,
				"figures: median (lowest–highest) of the repetitions; Java probes run with "
						+ "-Xmx%s; live heap: the most a garbage collection left while the answer was open%n",
				JAVA_HEAP);
		System.out.printf(Locale.ROOT, "%-12s %-34s %-26s %-26s %-22s %s%n", "rows", "contender", "first row ms",
				"last row ms", "live heap MiB", "peak RSS MiB");
		results.forEach((group, byContender) -> byContender.forEach((contender, probes) -> {
			Chart.Role role = contender.equals(OURS) ? Chart.Role.OURS : Chart.Role.PEER;
			Estimate first = estimate(probes, (probe) -> probe.firstRowNanos() / 1e6);
			Estimate last = estimate(probes, (probe) -> probe.wallNanos() / 1e6);
			Estimate resident = estimate(probes, (probe) -> probe.peakResidentBytes() / 1048576.0);
			String live = (probes.get(0).peakLiveBytes() < 0) ? "-"
					: estimate(probes, (probe) -> probe.peakLiveBytes() / 1048576.0).toString();
			firstRow.bar(group, contender, role, first);
			memory.bar(group, contender, role, resident);
			System.out.printf(Locale.ROOT, "%-12s %-34s %-26s %-26s %-22s %s%n", group, contender, first, last, live,
					resident);
		}));
		List<String> groups = List.copyOf(results.keySet());
		String smallest = groups.get(0);
		String largest = groups.get(groups.size() - 1);
		System.out.printf(Locale.ROOT, "flatness, %s ÷ %s (1: flat): first row %s; peak RSS %s%n", largest, smallest,
				Ratio.of(firstRow.estimate(largest, OURS), firstRow.estimate(smallest, OURS)),
				Ratio.of(memory.estimate(largest, OURS), memory.estimate(smallest, OURS)));
		System.out.println("first row, this ÷ ours (above 1: ours gets its first row sooner)");
		for (String group : groups) {
			for (String other : List.of(UNCHUNKED, CONNECTOR)) {
				if (firstRow.has(group, other)) {
					firstRow.ratio(group, "time to first row, this ÷ ours", other, OURS);
					memory.ratio(group, "peak RSS, this ÷ ours", other, OURS);
				}
			}
		}
		firstRow.write();
		memory.write();
	}

	private static Estimate estimate(List<Probe> probes, java.util.function.ToDoubleFunction<Probe> figure) {
		return Estimate.ofRepetitions(probes.stream().mapToDouble(figure).toArray());
	}

	/**
	 * @param firstRowNanos from sending the statement to the first row in hand
	 * @param wallNanos to the last row
	 * @param rows rows read
	 * @param peakLiveBytes the most heap a collection left live, -1 for the Python peer
	 * @param peakResidentBytes the process's peak resident memory
	 */
	private record Probe(long firstRowNanos, long wallNanos, long rows, long peakLiveBytes, long peakResidentBytes) {

	}

}
