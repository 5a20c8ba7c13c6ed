package io.cnosdb.spring.sample;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.cnosdb.spring.testsupport.RecordedAnswers;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The page at {@code /} in headless Chromium: it draws a line per station from the
 * readings API and shows the health of CnosDB, or says in plain words that CnosDB cannot
 * be reached; a lone reading is a marker, a gap breaks the line, and a station keeps its
 * colour when another appears. The chart's pure functions in {@code app.js} are also
 * checked on a test page. Skipped where no Chromium is installed. With
 * {@code -Dsample.screenshot=docs/screenshot.png} it also saves a screenshot of the page
 * there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PageInBrowserTests {

	private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
			"/usr/bin/google-chrome", "/usr/bin/google-chrome-stable");

	private static final DateTimeFormatter CNOSDB_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS");

	private static final FakeCnosDb cnosdb = new FakeCnosDb().alwaysOnSql("SELECT time, station",
			() -> RecordedAnswers
				.handWritten("sample-readings", recentReadings(),
						"readings of the last twelve minutes: their times are relative to now")
				.build());

	@Value("${local.server.port}")
	private int port;

	@TempDir
	Path directory;

	private static final List<String> candidates = (System.getProperty("chromium.path") != null)
			? List.of(System.getProperty("chromium.path")) : BROWSERS;

	private static final String browser = candidates.stream()
		.filter((path) -> Files.isExecutable(Path.of(path)))
		.findFirst()
		.orElse(null);

	/** An assumption per test, so that each is reported as skipped, with the reason. */
	@BeforeEach
	void needsChromium() {
		assumeTrue(browser != null, () -> "No Chromium at " + candidates
				+ ": the browser test of the page is skipped (install chromium or set -Dchromium.path to run it)");
	}

	@DynamicPropertySource
	static void cnosdbUrl(DynamicPropertyRegistry registry) {
		registry.add("cnosdb.url", cnosdb::url);
	}

	@AfterAll
	static void stopServer() {
		cnosdb.close();
	}

	/**
	 * Three stations, a reading a minute over the last twelve minutes, latest first as
	 * the query asks.
	 */
	private static String recentReadings() {
		StringBuilder csv = new StringBuilder("time,station,visibility,temperature,pressure\n");
		Instant now = Instant.now();
		String[] stations = { "DaLian", "LianYunGang", "XiaoMaiDao" };
		for (int minute = 0; minute <= 12; minute++) {
			for (int s = 0; s < stations.length; s++) {
				Instant time = now.minusSeconds(60L * minute);
				double temperature = 14 + 3 * s + 1.5 * Math.sin((minute + 2 * s) / 2.0);
				csv.append(CNOSDB_TIME.format(LocalDateTime.ofInstant(time, ZoneOffset.UTC)))
					.append(',')
					.append(stations[s])
					.append(",60.0,")
					.append(Math.round(temperature * 100) / 100.0)
					.append(",1012.0\n");
			}
		}
		return csv.toString();
	}

	@Test
	void drawsALinePerStationAndShowsTheHealth() throws Exception {
		String dom = run("--dump-dom", "http://localhost:" + this.port + "/");
		assertThat(dom).contains("<polyline", "data-station=\"DaLian\"", "data-station=\"LianYunGang\"",
				"data-station=\"XiaoMaiDao\"");
		assertThat(dom).containsPattern("<span id=\"health\" class=\"up\">UP</span>");
		assertThat(dom).contains("readings from 3 station(s)");
		screenshot("http://localhost:" + this.port + "/");
	}

	@Test
	void marksALoneReadingBreaksLinesAtGapsAndKeepsColoursWhenAStationAppears() throws Exception {
		AtomicInteger queries = new AtomicInteger();
		try (FakeCnosDb gappy = new FakeCnosDb().alwaysOnSql("SELECT time, station",
				() -> RecordedAnswers
					.handWritten("sample-readings", readingsWithGaps(queries.incrementAndGet() > 1),
							"readings with gaps in the last hours: their times are relative to now")
					.build());
				ConfigurableApplicationContext context = SpringApplication.run(SampleApplication.class,
						"--server.port=0", "--cnosdb.url=" + gappy.url())) {
			String port = context.getEnvironment().getProperty("local.server.port");
			// Long enough for the page's refresh every 5 seconds to run twice: the second
			// answer has a new station.
			String dom = run(12_000, "--dump-dom", "http://localhost:" + port + "/");
			assertThat(queries.get()).as("readings queries").isGreaterThan(1);
			assertThat(dom).contains("readings from 5 station(s)");
			List<Map<String, String>> marks = chartMarks(dom);
			assertThat(marks).filteredOn((mark) -> mark.get("data-station").equals("Lone"))
				.singleElement()
				.satisfies((lone) -> {
					assertThat(lone.get("tag")).isEqualTo("circle");
					assertThat(lone.get("fill")).isEqualTo("#2ca02c");
				});
			// Readings a minute apart with seven minutes missing: two lines, no diagonal
			// across the gap.
			assertThat(marks).filteredOn((mark) -> mark.get("data-station").equals("XiaoMaiDao"))
				.hasSize(2)
				.allSatisfy((line) -> assertThat(line.get("tag")).isEqualTo("polyline"));
			// Colours in the order stations first appeared: "Aaa", which came later, does
			// not take DaLian's.
			Map<String, String> colours = new TreeMap<>();
			marks.forEach((mark) -> colours.put(mark.get("data-station"),
					mark.get(mark.get("tag").equals("circle") ? "fill" : "stroke")));
			assertThat(colours).containsExactly(Map.entry("Aaa", "#ff7f0e"), Map.entry("DaLian", "#1f77b4"),
					Map.entry("LianYunGang", "#d62728"), Map.entry("Lone", "#2ca02c"),
					Map.entry("XiaoMaiDao", "#9467bd"));
		}
	}

	@Test
	void theChartFunctionsOfAppJs() throws Exception {
		String dom = run("--dump-dom", "http://localhost:" + this.port + "/chart-logic.html");
		Matcher results = Pattern.compile("<pre id=\"results\">(.*?)</pre>", Pattern.DOTALL).matcher(dom);
		assertThat(results.find()).as("results on the test page").isTrue();
		JsonNode chart = JsonMapper.builder().build().readTree(results.group(1));
		assertThat(chart.path("lone").toString()).isEqualTo("[1]");
		assertThat(chart.path("none").toString()).isEqualTo("[]");
		assertThat(chart.path("gap").toString()).isEqualTo("[3,2]");
		assertThat(chart.path("irregular").toString()).isEqualTo("[4]");
		assertThat(chart.path("exactlyThreeTimes").toString()).isEqualTo("[4]");
		assertThat(chart.path("twoFarApart").toString()).isEqualTo("[2]");
		assertThat(chart.path("loneAfterGaps").toString()).isEqualTo("[3,1,3]");
		assertThat(chart.path("median").asLong()).isEqualTo(60_000);
		String first = chart.at("/colors/0").asString();
		String second = chart.at("/colors/1").asString();
		assertThat(chart.path("firstColors").toString())
			.isEqualTo("{\"DaLian\":\"" + first + "\",\"XiaoMaiDao\":\"" + second + "\"}");
		assertThat(chart.path("later").toString()).isEqualTo("{\"DaLian\":\"" + first + "\",\"XiaoMaiDao\":\"" + second
				+ "\",\"Aaa\":\"" + chart.at("/colors/2").asString() + "\"}");
	}

	@Test
	void saysInPlainWordsWhenCnosDbCannotBeReached() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		try (ConfigurableApplicationContext context = SpringApplication.run(SampleApplication.class, "--server.port=0",
				"--cnosdb.url=http://127.0.0.1:" + closedPort)) {
			String port = context.getEnvironment().getProperty("local.server.port");
			String dom = run("--dump-dom", "http://localhost:" + port + "/");
			assertThat(dom).contains("<span id=\"health\" class=\"down\">DOWN</span>");
			assertThat(dom).contains("CnosDB cannot be reached right now, so no new readings can be shown or stored.");
			assertThat(dom).contains("Readings are shown again as soon as CnosDB answers.");
		}
	}

	/**
	 * A reading a minute over the last twelve minutes of DaLian and LianYunGang,
	 * XiaoMaiDao's with minutes 4 to 9 ago missing, one reading of Lone, and, when
	 * {@code withAaa}, readings of a station Aaa that sorts before the others; latest
	 * first as the query asks.
	 */
	private static String readingsWithGaps(boolean withAaa) {
		StringBuilder csv = new StringBuilder("time,station,visibility,temperature,pressure\n");
		Instant now = Instant.now();
		List<String> order = List.of("XiaoMaiDao", "LianYunGang", "DaLian", "Aaa", "Lone");
		for (int minute = 0; minute <= 12; minute++) {
			String time = CNOSDB_TIME.format(LocalDateTime.ofInstant(now.minusSeconds(60L * minute), ZoneOffset.UTC));
			List<String> stations = new ArrayList<>(List.of("DaLian", "LianYunGang"));
			if (minute < 4 || minute > 9) {
				stations.add("XiaoMaiDao");
			}
			if (minute == 5) {
				stations.add("Lone");
			}
			if (withAaa) {
				stations.add("Aaa");
			}
			for (String station : stations) {
				// A level per station, so that the lines do not hide one another on a
				// screenshot.
				int level = 12 + 2 * order.indexOf(station) + minute % 3;
				csv.append(time).append(',').append(station).append(",60.0,").append(level).append(".5,1012.0\n");
			}
		}
		return csv.toString();
	}

	/**
	 * The lines and markers of the chart: each element's attributes, and its name as
	 * "tag".
	 */
	private static List<Map<String, String>> chartMarks(String dom) {
		List<Map<String, String>> marks = new ArrayList<>();
		Matcher element = Pattern.compile("<(polyline|circle)\\b([^>]*)>").matcher(dom);
		while (element.find()) {
			Map<String, String> attributes = new HashMap<>();
			attributes.put("tag", element.group(1));
			Matcher attribute = Pattern.compile("([\\w-]+)=\"([^\"]*)\"").matcher(element.group(2));
			while (attribute.find()) {
				attributes.put(attribute.group(1), attribute.group(2));
			}
			marks.add(attributes);
		}
		return marks;
	}

	private void screenshot(String url) throws Exception {
		Path png = this.directory.resolve("screenshot.png");
		run("--screenshot=" + png, "--window-size=1100,760", "--hide-scrollbars", url);
		assertThat(png).exists();
		String target = System.getProperty("sample.screenshot");
		if (target != null) {
			Files.copy(png, Path.of(target), StandardCopyOption.REPLACE_EXISTING);
		}
	}

	/**
	 * Run headless Chromium, letting the page's scripts run for a few seconds; the
	 * standard output.
	 */
	private String run(String... arguments) throws IOException, InterruptedException {
		return run(4000, arguments);
	}

	/**
	 * Run headless Chromium, letting the page's scripts run for {@code budget} virtual
	 * milliseconds.
	 */
	private String run(int budget, String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(browser, "--headless", "--no-sandbox", "--disable-gpu",
				"--disable-dev-shm-usage", "--no-first-run", "--user-data-dir=" + this.directory.resolve("profile"),
				"--virtual-time-budget=" + budget));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
		byte[] output = process.getInputStream().readAllBytes();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("Chromium finished").isTrue();
		return new String(output, StandardCharsets.UTF_8);
	}

}
