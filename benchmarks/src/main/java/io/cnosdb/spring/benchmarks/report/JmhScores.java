package io.cnosdb.spring.benchmarks.report;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * JMH's results as {@link Estimate}s with their 99.9 % intervals: the primary score and
 * the bytes allocated per operation ({@code gc.alloc.rate.norm}), by the benchmark
 * method's name and a parameter's value.
 */
public final class JmhScores {

	private JmhScores() {
	}

	/**
	 * The scores by parameter value (or {@code ""} without that parameter), then by
	 * method name, in the order JMH ran them.
	 */
	public static Map<String, Map<String, Score>> byParam(Collection<RunResult> results, String param) {
		Map<String, Map<String, Score>> scores = new LinkedHashMap<>();
		for (RunResult result : results) {
			String benchmark = result.getParams().getBenchmark();
			String name = benchmark.substring(benchmark.lastIndexOf('.') + 1);
			String value = result.getParams().getParam(param);
			Result<?> primary = result.getPrimaryResult();
			Result<?> allocation = result.getSecondaryResults().get("gc.alloc.rate.norm");
			scores.computeIfAbsent((value != null) ? value : "", (key) -> new LinkedHashMap<>())
				.put(name,
						new Score(Estimate.ofJmh(primary.getScore(), primary.getScoreError()),
								(allocation != null) ? Estimate.ofJmh(allocation.getScore(), allocation.getScoreError())
										: new Estimate(Double.NaN, Double.NaN, Double.NaN)));
		}
		return scores;
	}

	/** A benchmark's score and its allocation per operation. */
	public record Score(Estimate primary, Estimate allocation) {

	}

}
