package io.cnosdb.spring.benchmarks.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one suite measured in one run, kept to be printed as ratios and written as a
 * result file and an SVG chart. The bars are recorded as they are measured; ratios are
 * computed from them, printed with their intervals, and kept for the result file.
 * <p>
 * A full run writes {@code charts/<id>-jdk<N>.svg} and {@code results/<id>-jdk<N>.tsv}
 * under the benchmarks directory (the {@code benchmarks.dir} system property, by default
 * {@code benchmarks} if the current directory has one, else the current directory). A
 * smoke run ({@code --quick}) writes {@code target/smoke/<id>-jdk<N>-smoke.*} there
 * instead, so that its figures can never end up next to the README's.
 */
public final class Report {

	private final Chart chartTemplate;

	private final RunInfo run;

	private final Map<String, List<Chart.Bar>> groups = new LinkedHashMap<>();

	private final List<String> ratioLines = new ArrayList<>();

	/**
	 * @param id the file name's stem, such as {@code b1}
	 * @param title what was measured, such as {@code B1 encode}
	 * @param unit the unit of the bars, such as {@code ns/point}
	 * @param higherIsBetter whether a higher figure is better
	 */
	public Report(String id, String title, String unit, boolean higherIsBetter, RunInfo run) {
		this.chartTemplate = new Chart(id, title, unit, higherIsBetter, List.of());
		this.run = run;
	}

	/** Records one contender's figure in a group (a variant, a body size). */
	public void bar(String group, String label, Chart.Role role, Estimate estimate) {
		this.groups.computeIfAbsent(group, (key) -> new ArrayList<>()).add(new Chart.Bar(label, role, estimate));
	}

	/** The figure recorded for the contender in the group. */
	public Estimate estimate(String group, String label) {
		return this.groups.getOrDefault(group, List.of())
			.stream()
			.filter((bar) -> bar.label().equals(label))
			.findFirst()
			.map(Chart.Bar::estimate)
			.orElseThrow(() -> new IllegalArgumentException("No figure for '" + label + "' in group '" + group + "'"));
	}

	/** Whether a figure was recorded for the contender in the group. */
	public boolean has(String group, String label) {
		return this.groups.getOrDefault(group, List.of()).stream().anyMatch((bar) -> bar.label().equals(label));
	}

	/**
	 * {@code a ÷ b} in the group, printed on one line after {@code kind} (such as "like
	 * for like, single-threaded") and kept for the result file.
	 */
	public Ratio ratio(String group, String kind, String a, String b) {
		Ratio ratio = Ratio.of(estimate(group, a), estimate(group, b));
		String line = String.format(Locale.ROOT, "%s\t%s\t%s ÷ %s\t%s", group, kind, a, b, ratio);
		this.ratioLines.add(line);
		System.out.printf(Locale.ROOT, "  %-14s %-36s %s ÷ %s: %s%n", group, kind, a, b, ratio);
		return ratio;
	}

	/** The chart of the figures recorded so far. */
	public Chart chart() {
		List<Chart.Group> chartGroups = new ArrayList<>();
		this.groups.forEach((name, bars) -> chartGroups.add(new Chart.Group(name, List.copyOf(bars))));
		return new Chart(this.chartTemplate.id(), this.chartTemplate.title(), this.chartTemplate.unit(),
				this.chartTemplate.higherIsBetter(), chartGroups);
	}

	/** Writes the result file and the chart, and prints where. */
	public void write() {
		Path base = Path
			.of(System.getProperty("benchmarks.dir", Files.isDirectory(Path.of("benchmarks")) ? "benchmarks" : "."));
		String stem = this.chartTemplate.id() + "-jdk" + RunInfo.jdkFeature();
		Path chartFile = this.run.smoke() ? base.resolve("target/smoke/" + stem + "-smoke.svg")
				: base.resolve("charts/" + stem + ".svg");
		Path resultFile = this.run.smoke() ? base.resolve("target/smoke/" + stem + "-smoke.tsv")
				: base.resolve("results/" + stem + ".tsv");
		try {
			Files.createDirectories(chartFile.getParent());
			Files.createDirectories(resultFile.getParent());
			Files.writeString(chartFile, SvgChart.render(chart(), this.run), StandardCharsets.UTF_8);
			Files.writeString(resultFile, resultText(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the results of " + this.chartTemplate.id(), ex);
		}
		System.out.printf(Locale.ROOT, "%s%s written: %s, %s%n", this.chartTemplate.title(),
				this.run.smoke() ? " (smoke run, not a result)" : "", chartFile, resultFile);
	}

	/**
	 * Tab-separated: a head naming the run (and a {@code smoke} flag), every figure with
	 * its interval, then every ratio printed.
	 */
	String resultText() {
		StringBuilder text = new StringBuilder();
		text.append("# ")
			.append(this.chartTemplate.title())
			.append(", ")
			.append(this.chartTemplate.unit())
			.append('\n');
		text.append("# ").append(this.run.describe()).append('\n');
		text.append("# smoke=").append(this.run.smoke()).append('\n');
		text.append("group\tcontender\trole\tvalue\tlow\thigh\n");
		this.groups.forEach((group,
				bars) -> bars.forEach((bar) -> text.append(String.format(Locale.ROOT, "%s\t%s\t%s\t%s\t%s\t%s%n", group,
						bar.label(), bar.role().cssClass(), bar.estimate().value(), bar.estimate().low(),
						bar.estimate().high()))));
		text.append("\ngroup\tkind\tratio\tvalue (interval)\n");
		this.ratioLines.forEach((line) -> text.append(line).append('\n'));
		return text.toString();
	}

}
