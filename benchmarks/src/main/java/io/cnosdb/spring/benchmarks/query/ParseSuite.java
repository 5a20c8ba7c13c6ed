package io.cnosdb.spring.benchmarks.query;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import io.cnosdb.spring.benchmarks.Suite;
import io.cnosdb.spring.benchmarks.report.Chart;
import io.cnosdb.spring.benchmarks.report.JmhScores;
import io.cnosdb.spring.benchmarks.report.Ratio;
import io.cnosdb.spring.benchmarks.report.Report;
import io.cnosdb.spring.benchmarks.report.RunInfo;

/**
 * B4: runs {@link ParseBenchmark} with the GC profiler and prints rows/s, bytes allocated
 * per row and ours ÷ each contender, then parses a 1 GB answer produced on the fly in a
 * JVM with a 64 MiB heap to show that memory does not grow with the result.
 */
public final class ParseSuite implements Suite {

	private static final List<String> RECORD_CONTENDERS = List.of("ours", "oursByIndex", "oursDataClass",
			"fastCsvRecord", "jacksonStreamRecord", "jacksonCsvBefore");

	private static final long BOUNDED_BYTES = 1L << 30;

	private static final String OURS = "ours";

	/**
	 * The FastCSV version in the benchmarks' POM (its jar names none the shaded jar
	 * keeps).
	 */
	static final String FASTCSV_VERSION = "4.4.0";

	@Override
	public String name() {
		return "b4";
	}

	@Override
	public String description() {
		return "parse a 1 M-row query answer into records (JMH, -prof gc) and 1 GB at -Xmx64m";
	}

	@Override
	public void run(boolean quick) throws Exception {
		ChainedOptionsBuilder options = new OptionsBuilder().include(ParseBenchmark.class.getName())
			.addProfiler(GCProfiler.class);
		if (quick) {
			options.forks(1)
				.warmupIterations(2)
				.warmupTime(TimeValue.seconds(1))
				.measurementIterations(3)
				.measurementTime(TimeValue.seconds(1));
		}
		Collection<RunResult> results = new Runner(options.build()).run();
		report(results, quick);
		boundedMemoryRun();
	}

	private static void report(Collection<RunResult> results, boolean quick) {
		RunInfo run = RunInfo.current(quick);
		Report report = new Report("b4", "B4 query-result parse", "rows/s", true, run);
		System.out.println();
		System.out.printf(Locale.ROOT, "B4 parse, %s; FastCSV %s, Jackson %s%n", run.describe(), FASTCSV_VERSION,
				tools.jackson.core.json.PackageVersion.VERSION);
		System.out.println("figures: JMH score (99.9 % interval); ratios: interval from the two intervals' ends");
		System.out.printf(Locale.ROOT, "%-11s %-22s %-30s %-22s %-16s %s%n", "hosts", "contender", "rows/s", "B/row",
				"B/row - record", "ours ÷ this");
		Map<String, Map<String, JmhScores.Score>> byHosts = JmhScores.byParam(results, "hosts");
		for (Map.Entry<String, Map<String, JmhScores.Score>> hosts : byHosts.entrySet()) {
			JmhScores.Score ours = hosts.getValue().get(OURS);
			for (Map.Entry<String, JmhScores.Score> entry : hosts.getValue().entrySet()) {
				JmhScores.Score score = entry.getValue();
				report.bar(hosts.getKey(), entry.getKey(), role(entry.getKey()), score.primary());
				String beyond = RECORD_CONTENDERS.contains(entry.getKey())
						? String.format(Locale.ROOT, "%.1f", score.allocation().value() - Cpu.RECORD_BYTES) : "-";
				String ratio = (ours != null) ? Ratio.of(ours.primary(), score.primary()).toString() : "-";
				System.out.printf(Locale.ROOT, "%-11s %-22s %-30s %-22s %-16s %s%n", hosts.getKey(), entry.getKey(),
						score.primary(), score.allocation(), beyond, ratio);
			}
		}
		System.out.printf(Locale.ROOT, "(a record with its Instant is %d B; the target is ours ÷ fastCsvRecord ≥ 1.5 "
				+ "and ≤ 64 B/row beyond the record)%n", Cpu.RECORD_BYTES);
		System.out.println();
		System.out.println("rows/s ÷ FastCSV into the same record (above 1: ours is faster):");
		for (String hosts : byHosts.keySet()) {
			if (report.has(hosts, OURS) && report.has(hosts, "fastCsvRecord")) {
				report.ratio(hosts, "like for like: bytes to records", OURS, "fastCsvRecord");
			}
		}
		report.write();
	}

	private static Chart.Role role(String name) {
		if (name.startsWith("ours")) {
			return Chart.Role.OURS;
		}
		return name.startsWith("floor") ? Chart.Role.FLOOR : Chart.Role.PEER;
	}

	private static void boundedMemoryRun() throws Exception {
		String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
		Process process = new ProcessBuilder(java, "-Xms64m", "-Xmx64m", "-XX:+ExitOnOutOfMemoryError", "-cp",
				System.getProperty("java.class.path"), BoundedMemoryRun.class.getName(), Long.toString(BOUNDED_BYTES))
			.redirectErrorStream(true)
			.start();
		StringBuilder output = new StringBuilder();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				output.append(line).append('\n');
			}
		}
		int exit = process.waitFor();
		System.out.println();
		System.out.printf(Locale.ROOT, "B4 bounded memory, ours over a %d MiB answer at -Xmx64m: %s",
				BOUNDED_BYTES >> 20, output);
		if (exit != 0) {
			throw new IllegalStateException("The bounded-memory run failed (exit " + exit + ")");
		}
	}

}
