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
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The page at {@code /} in headless Chromium: it draws a line per station from the readings
 * API and shows the health of CnosDB, or says in plain words that CnosDB cannot be reached.
 * Skipped where no Chromium is installed. With {@code -Dsample.screenshot=docs/screenshot.png}
 * it also saves a screenshot of the page there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PageInBrowserTests {

	private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
			"/usr/bin/google-chrome", "/usr/bin/google-chrome-stable");

	private static final DateTimeFormatter CNOSDB_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS");

	private static final FakeCnosDb cnosdb = new FakeCnosDb().alwaysOnSql("SELECT time, station",
			() -> FakeCnosDb.csv(recentReadings()));

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

	/** Three stations, a reading a minute over the last twelve minutes, latest first as the query asks. */
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

	private void screenshot(String url) throws Exception {
		Path png = this.directory.resolve("screenshot.png");
		run("--screenshot=" + png, "--window-size=1100,760", "--hide-scrollbars", url);
		assertThat(png).exists();
		String target = System.getProperty("sample.screenshot");
		if (target != null) {
			Files.copy(png, Path.of(target), StandardCopyOption.REPLACE_EXISTING);
		}
	}

	/** Run headless Chromium, letting the page's scripts run for a few seconds; the standard output. */
	private String run(String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(browser, "--headless", "--no-sandbox", "--disable-gpu",
				"--disable-dev-shm-usage", "--no-first-run", "--user-data-dir=" + this.directory.resolve("profile"),
				"--virtual-time-budget=4000"));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
		byte[] output = process.getInputStream().readAllBytes();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("Chromium finished").isTrue();
		return new String(output, StandardCharsets.UTF_8);
	}

}
