package io.cnosdb.spring.benchmarks.query;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import io.cnosdb.spring.benchmarks.Suite;

/**
 * B4: runs {@link ParseBenchmark} with the GC profiler and prints rows/s, bytes allocated
 * per row and ours ÷ each contender, then parses a 1 GB answer produced on the fly in a
 * JVM with a 64 MiB heap to show that memory does not grow with the result.
 */
public final class ParseSuite implements Suite {

	private static final List<String> RECORD_CONTENDERS = List.of("ours", "oursByIndex", "oursDataClass",
			"fastCsvRecord", "jacksonStreamRecord", "jacksonCsvBefore");

	private static final long BOUNDED_BYTES = 1L << 30;

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
		printRatios(results);
		boundedMemoryRun();
	}

	private static void printRatios(Collection<RunResult> results) {
		Map<String, double[]> scores = new LinkedHashMap<>();
		for (RunResult result : results) {
			String benchmark = result.getParams().getBenchmark();
			Result<?> allocation = result.getSecondaryResults().get("gc.alloc.rate.norm");
			scores.put(benchmark.substring(benchmark.lastIndexOf('.') + 1), new double[] {
					result.getPrimaryResult().getScore(), (allocation != null) ? allocation.getScore() : Double.NaN });
		}
		double[] ours = scores.get("ours");
		System.out.println();
		System.out.printf(Locale.ROOT, "B4 parse, JDK %s (%s); FastCSV %s, Jackson %s%n",
				System.getProperty("java.version"), System.getProperty("java.vm.name"), FASTCSV_VERSION,
				tools.jackson.core.json.PackageVersion.VERSION);
		System.out.printf(Locale.ROOT, "%-22s %12s %10s %16s %12s%n", "contender", "rows/s", "B/row", "B/row - record",
				"ours ÷ this");
		for (Map.Entry<String, double[]> entry : scores.entrySet()) {
			double[] score = entry.getValue();
			String beyond = RECORD_CONTENDERS.contains(entry.getKey())
					? String.format(Locale.ROOT, "%.1f", score[1] - Cpu.RECORD_BYTES) : "-";
			String ratio = (ours != null) ? String.format(Locale.ROOT, "%.2f", ours[0] / score[0]) : "-";
			System.out.printf(Locale.ROOT, "%-22s %12.0f %10.1f %16s %12s%n", entry.getKey(), score[0], score[1],
					beyond, ratio);
		}
		System.out.printf(Locale.ROOT, "(a record with its Instant is %d B; the target is ours ÷ fastCsvRecord ≥ 1.5 "
				+ "and ≤ 64 B/row beyond the record)%n", Cpu.RECORD_BYTES);
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
