package io.cnosdb.spring.benchmarks.encode;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
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
 * B1: runs {@link EncodeBenchmark} with the GC profiler and prints, per variant,
 * ns/point, bytes allocated per point and ours ÷ each contender.
 */
public final class EncodeSuite implements Suite {

	private static final String OURS = "ours";

	private static final String QUESTDB = "questDb";

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
		report(new Runner(options.build()).run(), quick);
	}

	private static void report(Collection<RunResult> results, boolean quick) {
		RunInfo run = RunInfo.current(quick);
		Report report = new Report("b1", "B1 encode", "ns/point", false, run);
		Map<String, Map<String, JmhScores.Score>> byVariant = new TreeMap<>(JmhScores.byParam(results, "variant"));
		System.out.println();
		System.out.printf(Locale.ROOT, "B1 encode, %s%n", run.describe());
		System.out.println("figures: JMH score (99.9 % interval); ratios: interval from the two intervals' ends");
		System.out.printf(Locale.ROOT, "%-14s %-28s %-26s %-22s %s%n", "variant", "contender", "ns/point", "B/point",
				"ours ÷ this");
		for (Map.Entry<String, Map<String, JmhScores.Score>> variant : byVariant.entrySet()) {
			JmhScores.Score ours = variant.getValue().get(OURS);
			for (Map.Entry<String, JmhScores.Score> entry : variant.getValue().entrySet()) {
				String name = entry.getKey();
				JmhScores.Score score = entry.getValue();
				report.bar(variant.getKey(), name, role(name), score.primary());
				String ratio = (ours != null) ? Ratio.of(ours.primary(), score.primary()).toString() : "-";
				if (name.startsWith("baseline") && !"PLAIN".equals(variant.getKey())) {
					ratio = "(no escaping)";
				}
				System.out.printf(Locale.ROOT, "%-14s %-28s %-26s %-22s %s%n", variant.getKey(), name, score.primary(),
						score.allocation(), ratio);
			}
		}
		System.out.println();
		System.out.println("ns/point ÷ QuestDB (below 1: ours is faster):");
		for (String variant : byVariant.keySet()) {
			pair(report, variant, "like for like: build+encode", "oursBuildAndEncode");
			pair(report, variant, "like for like: build+encode", "oursRowWriter");
			pair(report, variant, "NOT like for like: prebuilt Points", OURS);
		}
		report.write();
	}

	private static void pair(Report report, String variant, String kind, String ours) {
		if (report.has(variant, ours) && report.has(variant, QUESTDB)) {
			report.ratio(variant, kind, ours, QUESTDB);
		}
	}

	private static Chart.Role role(String name) {
		if (name.startsWith("ours")) {
			return Chart.Role.OURS;
		}
		return name.startsWith("baseline") ? Chart.Role.FLOOR : Chart.Role.PEER;
	}

}
