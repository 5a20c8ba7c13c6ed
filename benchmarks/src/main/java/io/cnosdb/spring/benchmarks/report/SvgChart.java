package io.cnosdb.spring.benchmarks.report;

import java.util.Locale;

/**
 * Draws a {@link Chart} as SVG text: one horizontal bar per contender, grouped, coloured
 * by {@link Chart.Role}, with its interval as an error bar, an axis with its unit below,
 * and the run's date, JDK and machine under the title. A smoke run is marked across the
 * top so that its picture is never mistaken for a result. Plain text, so no drawing
 * library is needed and the file diffs and renders anywhere (browsers, GitHub).
 */
public final class SvgChart {

	private static final int WIDTH = 1000;

	private static final int LABEL_WIDTH = 330;

	private static final int PLOT_LEFT = LABEL_WIDTH + 10;

	/** Room on the right for the value printed after the longest bar. */
	private static final int PLOT_RIGHT = WIDTH - 200;

	private static final int ROW = 20;

	private static final int BAR = 14;

	private static final int HEADER = 96;

	private static final String FONT = "font-family=\"DejaVu Sans, Arial, Helvetica, sans-serif\"";

	private SvgChart() {
	}

	/** The chart as a standalone SVG document. */
	public static String render(Chart chart, RunInfo run) {
		int rows = chart.groups().stream().mapToInt((group) -> group.bars().size() + 1).sum();
		int axisY = HEADER + rows * ROW + 6;
		int height = axisY + 56;
		double max = niceMax(chart);
		StringBuilder svg = new StringBuilder(4096);
		svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
		svg.append(String.format(Locale.ROOT,
				"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" %s "
						+ "font-size=\"12\">\n",
				WIDTH, height, WIDTH, height, FONT));
		svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n", WIDTH, height));
		header(svg, chart, run);
		int y = HEADER;
		for (Chart.Group group : chart.groups()) {
			text(svg, 10, y + 14, "group", "font-weight=\"bold\"", group.name());
			y += ROW;
			for (Chart.Bar bar : group.bars()) {
				bar(svg, bar, y, max);
				y += ROW;
			}
		}
		axis(svg, chart, axisY, max);
		svg.append("</svg>\n");
		return svg.toString();
	}

	private static void header(StringBuilder svg, Chart chart, RunInfo run) {
		text(svg, 10, 22, "title", "font-size=\"16\" font-weight=\"bold\"", chart.title() + " — " + chart.unit() + ", "
				+ (chart.higherIsBetter() ? "higher is better" : "lower is better"));
		text(svg, 10, 42, "subtitle", "fill=\"#444444\"", run.describe());
		int x = 10;
		for (Chart.Role role : Chart.Role.values()) {
			svg.append(String.format(Locale.ROOT,
					"<rect class=\"legend\" x=\"%d\" y=\"52\" width=\"12\" height=\"12\" " + "fill=\"%s\"/>\n", x,
					role.colour()));
			text(svg, x + 16, 62, "legend", "", role.cssClass());
			x += 90;
		}
		text(svg, x, 62, "legend", "fill=\"#444444\"",
				"error bars: JMH 99.9 % interval, or lowest–highest of ≥ 5 runs");
		if (run.smoke()) {
			text(svg, 10, 84, "smoke", "font-weight=\"bold\" fill=\"#c62828\"",
					"SMOKE RUN (--quick): checks that the suite works; these figures are not results");
		}
	}

	private static void bar(StringBuilder svg, Chart.Bar bar, int y, double max) {
		Estimate estimate = bar.estimate();
		text(svg, LABEL_WIDTH, y + 12, "label", "text-anchor=\"end\"", bar.label());
		double width = scale(estimate.value(), max);
		svg.append(String.format(Locale.ROOT,
				"<rect class=\"bar %s\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\">"
						+ "<title>%s: %s</title></rect>\n",
				bar.role().cssClass(), PLOT_LEFT, y + (ROW - BAR) / 2, width, BAR, bar.role().colour(),
				escape(bar.label()), escape(estimate.toString())));
		double valueEnd = PLOT_LEFT + width;
		if (estimate.known()) {
			double low = PLOT_LEFT + scale(Math.max(0, estimate.low()), max);
			double high = PLOT_LEFT + scale(estimate.high(), max);
			int middle = y + ROW / 2;
			svg.append(String.format(Locale.ROOT,
					"<path class=\"error\" d=\"M%.1f %dV%dM%.1f %dH%.1fM%.1f %dV%d\" stroke=\"#000000\" "
							+ "stroke-width=\"1.2\" fill=\"none\"/>\n",
					low, middle - 4, middle + 4, low, middle, high, high, middle - 4, middle + 4));
			valueEnd = Math.max(valueEnd, high);
		}
		text(svg, (int) Math.round(valueEnd) + 6, y + 12, "value", "fill=\"#333333\"", estimate.toString());
	}

	private static void axis(StringBuilder svg, Chart chart, int axisY, double max) {
		svg.append(String.format(Locale.ROOT,
				"<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000000\"/>\n", PLOT_LEFT, axisY,
				PLOT_RIGHT, axisY));
		double step = niceStep(max / 5);
		for (double tick = 0; tick <= max * (1 + 1e-9); tick += step) {
			double x = PLOT_LEFT + scale(tick, max);
			svg.append(String.format(Locale.ROOT,
					"<line class=\"tick\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#000000\"/>\n", x, axisY,
					x, axisY + 5));
			svg.append(String.format(Locale.ROOT,
					"<line class=\"grid\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#e0e0e0\"/>\n", x,
					HEADER, x, axisY));
			text(svg, (int) Math.round(x), axisY + 18, "tick-label", "text-anchor=\"middle\"", tickLabel(tick, step));
		}
		text(svg, (PLOT_LEFT + PLOT_RIGHT) / 2, axisY + 38, "unit", "text-anchor=\"middle\"", chart.unit());
	}

	private static double scale(double value, double max) {
		if (!(value > 0)) {
			return 0;
		}
		return Math.min(value, max) / max * (PLOT_RIGHT - PLOT_LEFT);
	}

	/**
	 * The axis' end: the largest value or interval end, rounded up to a whole number of
	 * ticks.
	 */
	static double niceMax(Chart chart) {
		double max = 0;
		for (Chart.Group group : chart.groups()) {
			for (Chart.Bar bar : group.bars()) {
				max = Math.max(max, bar.estimate().value());
				if (bar.estimate().known() && Double.isFinite(bar.estimate().high())) {
					max = Math.max(max, bar.estimate().high());
				}
			}
		}
		if (!(max > 0)) {
			return 1;
		}
		double step = niceStep(max / 5);
		return Math.ceil(max / step) * step;
	}

	/** 1, 2 or 5 times a power of ten, the smallest not below {@code rough}. */
	static double niceStep(double rough) {
		double power = Math.pow(10, Math.floor(Math.log10(rough)));
		for (double factor : new double[] { 1, 2, 5, 10 }) {
			if (factor * power >= rough * (1 - 1e-9)) {
				return factor * power;
			}
		}
		return 10 * power;
	}

	private static String tickLabel(double tick, double step) {
		if (step >= 1e6 && tick % 1e6 == 0) {
			return Digits.format(tick / 1e6, 0) + " M";
		}
		if (step >= 1e6) {
			return Digits.format(tick / 1e6, 1) + " M";
		}
		return Digits.format(tick, Math.max(0, Digits.decimals(step, 3)));
	}

	private static void text(StringBuilder svg, int x, int y, String cssClass, String attributes, String content) {
		svg.append(String.format(Locale.ROOT, "<text class=\"%s\" x=\"%d\" y=\"%d\"%s>%s</text>\n", cssClass, x, y,
				attributes.isEmpty() ? "" : " " + attributes, escape(content)));
	}

	/** Text safe inside an element or an attribute. */
	static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length() + 8);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> escaped.append("&amp;");
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&apos;");
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}

}
