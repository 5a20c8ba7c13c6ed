package io.cnosdb.spring.benchmarks.report;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

class SvgChartTests {

	private static final RunInfo RUN = new RunInfo(LocalDate.of(2026, 11, 21), "JDK 17.0.15 (OpenJDK)",
			"2 CPUs, 23 GiB, Linux", false);

	private static final Chart CHART = new Chart("b2", "B2 write <end to end>", "M points/s", true, List
		.of(new Chart.Group("all",
				List.of(new Chart.Bar("ours template.rows(5000)", Chart.Role.OURS, new Estimate(3.1, 2.9, 3.3)),
						new Chart.Bar("questdb Sender(default) & \"co\"", Chart.Role.PEER, new Estimate(1.8, 1.7, 1.9)),
						new Chart.Bar("raw socket", Chart.Role.CEILING, new Estimate(15.5, Double.NaN, Double.NaN))))));

	@Test
	void chartIsWellFormedSvg() throws Exception {
		Document svg = parse(SvgChart.render(CHART, RUN));
		assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
		assertThat(svg.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
	}

	@Test
	void oneBarPerContenderColouredByRole() throws Exception {
		List<Element> bars = elements(parse(SvgChart.render(CHART, RUN)), "rect", "bar ");
		assertThat(bars).extracting((bar) -> bar.getAttribute("class"))
			.containsExactly("bar ours", "bar peer", "bar ceiling");
		double ours = Double.parseDouble(bars.get(0).getAttribute("width"));
		double peer = Double.parseDouble(bars.get(1).getAttribute("width"));
		double ceiling = Double.parseDouble(bars.get(2).getAttribute("width"));
		assertThat(ours / ceiling).isCloseTo(3.1 / 15.5, org.assertj.core.api.Assertions.within(0.01));
		assertThat(peer).isLessThan(ours);
	}

	@Test
	void errorBarsOnlyWhereTheIntervalIsKnown() throws Exception {
		assertThat(elements(parse(SvgChart.render(CHART, RUN)), "path", "error")).hasSize(2);
	}

	@Test
	void labelsTitleAndRunAreWrittenAndEscaped() throws Exception {
		Document svg = parse(SvgChart.render(CHART, RUN));
		List<String> texts = new ArrayList<>();
		NodeList nodes = svg.getElementsByTagName("text");
		for (int i = 0; i < nodes.getLength(); i++) {
			texts.add(nodes.item(i).getTextContent());
		}
		assertThat(texts).contains("ours template.rows(5000)", "questdb Sender(default) & \"co\"", "raw socket", "all",
				"M points/s");
		assertThat(texts).anyMatch((text) -> text.startsWith("B2 write <end to end> — M points/s, higher is better"));
		assertThat(texts).anyMatch((text) -> text.contains("2026-11-21") && text.contains("JDK 17.0.15"));
		assertThat(texts).noneMatch((text) -> text.contains("SMOKE"));
	}

	@Test
	void smokeRunIsMarkedAsNoResult() throws Exception {
		RunInfo smoke = new RunInfo(RUN.date(), RUN.jdk(), RUN.machine(), true);
		assertThat(elements(parse(SvgChart.render(CHART, smoke)), "text", "smoke")).singleElement()
			.satisfies((text) -> assertThat(text.getTextContent()).contains("not results"));
	}

	@Test
	void axisEndsOnARoundTickAtOrAboveTheLargestFigure() {
		assertThat(SvgChart.niceMax(CHART)).isEqualTo(20.0);
		assertThat(SvgChart.niceStep(3.1)).isEqualTo(5.0);
		assertThat(SvgChart.niceStep(0.012)).isEqualTo(0.02);
	}

	private static Document parse(String svg) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
	}

	private static List<Element> elements(Document svg, String tag, String classPrefix) {
		List<Element> found = new ArrayList<>();
		NodeList nodes = svg.getElementsByTagName(tag);
		for (int i = 0; i < nodes.getLength(); i++) {
			Element element = (Element) nodes.item(i);
			if (element.getAttribute("class").startsWith(classPrefix)) {
				found.add(element);
			}
		}
		return found;
	}

}
