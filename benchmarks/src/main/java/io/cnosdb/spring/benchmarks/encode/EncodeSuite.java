package io.cnosdb.spring.benchmarks.encode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import io.cnosdb.spring.benchmarks.Suite;

/**
 * B1: runs {@link EncodeBenchmark} with the GC profiler and prints, per variant,
 * ns/point, bytes allocated per point and ours ÷ each contender.
 */
public final class EncodeSuite implements Suite {

	private static final String OURS = "ours";

	@Override
	public String name() {
		return "b1";
	}

	@Override
	public String description() {
		return "encode points into line protocol (JMH, -prof gc)";
	}

	@Override
	public void run(boolean quick) throws RunnerException {
		ChainedOptionsBuilder options = new OptionsBuilder().include(EncodeBenchmark.class.getName())
			.addProfiler(GCProfiler.class);
		if (quick) {
			options.forks(1)
				.warmupIterations(2)
				.warmupTime(TimeValue.seconds(1))
				.measurementIterations(3)
				.measurementTime(TimeValue.seconds(1));
		}
		printRatios(new Runner(options.build()).run());
	}

	private static void printRatios(Collection<RunResult> results) {
		Map<String, Map<String, double[]>> byVariant = new TreeMap<>();
		for (RunResult result : results) {
			String benchmark = result.getParams().getBenchmark();
			String name = benchmark.substring(benchmark.lastIndexOf('.') + 1);
			String variant = result.getParams().getParam("variant");
			Result<?> allocation = result.getSecondaryResults().get("gc.alloc.rate.norm");
			byVariant.computeIfAbsent(variant, (key) -> new LinkedHashMap<>())
				.put(name, new double[] { result.getPrimaryResult().getScore(),
						(allocation != null) ? allocation.getScore() : Double.NaN });
		}
		System.out.println();
		System.out.printf(Locale.ROOT, "B1 encode, JDK %s (%s)%n", System.getProperty("java.version"),
				System.getProperty("java.vm.name"));
		System.out.printf(Locale.ROOT, "%-14s %-28s %10s %10s %14s%n", "variant", "contender", "ns/point", "B/point",
				"ours ÷ this");
		for (Map.Entry<String, Map<String, double[]>> variant : byVariant.entrySet()) {
			double[] ours = variant.getValue().get(OURS);
			List<String> names = new ArrayList<>(variant.getValue().keySet());
			for (String name : names) {
				double[] score = variant.getValue().get(name);
				String ratio = (ours != null) ? String.format(Locale.ROOT, "%.2f", ours[0] / score[0]) : "-";
				if (name.startsWith("baseline") && !"PLAIN".equals(variant.getKey())) {
					ratio = "(no escaping)";
				}
				System.out.printf(Locale.ROOT, "%-14s %-28s %10.1f %10.1f %14s%n", variant.getKey(), name, score[0],
						score[1], ratio);
			}
		}
	}

}
