package io.cnosdb.spring.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs every {@link CnosDbScenarios scenario} against a real CnosDB over a plain socket
 * and either records its answer as a fixture or checks the fixture still holds.
 * <ul>
 * <li>With {@code -Dcnosdb.fixtures.record=true}, (re)writes
 * {@code src/test/resources/cnosdb-fixtures/<version>/<scenario>.http} and
 * {@code .request} for the version the server reports on {@code GET /api/v1/ping}.</li>
 * <li>Otherwise compares each live answer with the fixture of the server's version:
 * status, content type, chunking, {@code error_code}, and the body after the scenario's
 * normaliser. A difference is drift: the server no longer answers as the tests
 * assume.</li>
 * </ul>
 * {@code -Dcnosdb.fixtures.only=a,b} limits the run to the scenarios named. Without a
 * server ({@code CNOSDB_URL}, or Docker) the class is skipped.
 */
class RecordedAnswersTests {

	/** System property: record instead of compare. */
	static final String RECORD = "cnosdb.fixtures.record";

	/** System property: the scenarios to run, comma-separated; all by default. */
	static final String ONLY = "cnosdb.fixtures.only";

	/**
	 * System property: the version directory to record into and compare with, overriding
	 * the server's.
	 */
	static final String VERSION_OVERRIDE = "cnosdb.fixtures.version";

	/**
	 * Releases by the revision the server reports: the server reports its crate version,
	 * which has three parts (2.4.2), while releases have four (v2.4.2.1).
	 */
	static final Map<String, String> RELEASES_BY_REVISION = Map.of("c6a177786a8", "2.4.2.1", "ace7d5f39c2", "2.3.5.4");

	private static final Pattern PING_VERSION = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]*)\"");

	@RegisterExtension
	static final CnosDbServer cnosdb = new CnosDbServer();

	private static RawHttp http;

	private static String serverVersion;

	private static String version;

	@BeforeAll
	static void connect() {
		http = new RawHttp(cnosdb.url(), cnosdb.user(), cnosdb.password());
		RawHttp.Exchange ping = http.exchange(CnosDbScenario.Request.get("/api/v1/ping"));
		assertThat(ping.parsed().status()).as("ping of %s", cnosdb.url()).isEqualTo(200);
		Matcher matcher = PING_VERSION.matcher(ping.parsed().bodyText());
		assertThat(matcher.find()).as("version in %s", ping.parsed().bodyText()).isTrue();
		serverVersion = matcher.group(1);
		version = directoryFor(serverVersion, System.getProperty(VERSION_OVERRIDE));
	}

	static String directoryFor(String reported, @Nullable String override) {
		if (override != null && !override.isBlank()) {
			return override.strip();
		}
		Matcher revision = Pattern.compile("revision:?\\s*([0-9a-f]{7,40})").matcher(reported);
		if (revision.find()) {
			for (Map.Entry<String, String> release : RELEASES_BY_REVISION.entrySet()) {
				if (revision.group(1).startsWith(release.getKey()) || release.getKey().startsWith(revision.group(1))) {
					return release.getValue();
				}
			}
		}
		int comma = reported.indexOf(',');
		return ((comma >= 0) ? reported.substring(0, comma) : reported).strip();
	}

	static Stream<String> scenarios() {
		String only = System.getProperty(ONLY);
		Set<String> wanted = (only != null && !only.isBlank()) ? Set.of(only.split("\\s*,\\s*")) : null;
		return CnosDbScenarios.all()
			.stream()
			.map(CnosDbScenario::name)
			.filter((name) -> wanted == null || wanted.contains(name));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void answer(String name) {
		CnosDbScenario scenario = CnosDbScenarios.named(name);
		RawHttp.Exchange live = run(scenario);
		if (Boolean.getBoolean(RECORD)) {
			record(scenario, live);
		}
		else {
			compare(scenario, live);
		}
	}

	private static RawHttp.Exchange run(CnosDbScenario scenario) {
		for (CnosDbScenario.Request step : scenario.cleanup()) {
			http.exchange(step);
		}
		try {
			for (CnosDbScenario.Request step : scenario.setup()) {
				expectSuccess("setup", step, http.exchange(step));
			}
			return http.exchange(scenario.request());
		}
		finally {
			for (CnosDbScenario.Request step : scenario.cleanup()) {
				expectSuccess("cleanup", step, http.exchange(step));
			}
		}
	}

	private static void expectSuccess(String phase, CnosDbScenario.Request step, RawHttp.Exchange exchange) {
		int status = exchange.parsed().status();
		if (status < 200 || status > 299) {
			fail("The %s request %s was answered %d: %s", phase, step, status, exchange.parsed().bodyText());
		}
	}

	private static void compare(CnosDbScenario scenario, RawHttp.Exchange live) {
		assumeTrue(
				RecordedAnswers.class.getClassLoader()
					.getResource(RecordedAnswers.ROOT + "/" + version + "/" + scenario.name() + ".http") != null,
				() -> "No fixture of " + scenario.name() + " for CnosDB " + version + " (" + serverVersion
						+ "): record one with -D" + RECORD + "=true");
		HttpFixture recorded = RecordedAnswers.fixture(version, scenario.name());
		HttpFixture actual = live.parsed();
		String what = scenario.name() + " (CnosDB " + serverVersion + ", fixture " + version + ")";
		assertThat(actual.status()).as("status of %s", what).isEqualTo(recorded.status());
		assertThat(actual.header("Content-Type")).as("content type of %s", what)
			.isEqualTo(recorded.header("Content-Type"));
		assertThat(actual.chunked()).as("chunked body of %s", what).isEqualTo(recorded.chunked());
		assertThat(actual.errorCode()).as("error_code of %s", what).isEqualTo(recorded.errorCode());
		CnosDbScenario.Normaliser normaliser = scenario.normaliser();
		assertThat(normaliser.function().apply(actual.bodyText()))
			.as("body of %s, normalised: %s", what, normaliser.description())
			.isEqualTo(normaliser.function().apply(recorded.bodyText()));
	}

	private static void record(CnosDbScenario scenario, RawHttp.Exchange live) {
		Path directory = fixturesDirectory().resolve(version);
		try {
			Files.createDirectories(directory);
			Files.write(directory.resolve(scenario.name() + ".http"), live.response());
			Files.writeString(directory.resolve(scenario.name() + ".request"), describe(scenario, live),
					StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * {@code src/test/resources/cnosdb-fixtures} of this module, found from Maven's base
	 * directory.
	 */
	static Path fixturesDirectory() {
		String base = System.getProperty("basedir", System.getProperty("user.dir"));
		Path module = Path.of(base);
		if (!Files.isDirectory(module.resolve("src/test/java/io/cnosdb/spring/testsupport"))) {
			module = module.resolve("cnosdb-spring-boot-autoconfigure");
		}
		Path resources = module.resolve("src/test/resources");
		if (!Files.isDirectory(resources)) {
			throw new IllegalStateException("Cannot find the module's src/test/resources from " + base);
		}
		return resources.resolve(RecordedAnswers.ROOT);
	}

	/**
	 * The {@code .request} file: metadata lines, an empty line, and the request as sent.
	 */
	static String describe(CnosDbScenario scenario, RawHttp.Exchange live) {
		StringBuilder out = new StringBuilder();
		out.append("# How ").append(scenario.name()).append(".http was obtained: see ../README.md.\n");
		out.append("scenario: ").append(scenario.name()).append('\n');
		out.append("description: ").append(scenario.description()).append('\n');
		out.append("source: recorded\n");
		out.append("server: CnosDB ").append(serverVersion).append('\n');
		out.append("recorded: ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append('\n');
		for (CnosDbScenario.Request step : scenario.setup()) {
			out.append("setup: ").append(oneLine(step)).append('\n');
		}
		for (CnosDbScenario.Request step : scenario.cleanup()) {
			out.append("cleanup: ").append(oneLine(step)).append('\n');
		}
		out.append("compare: ").append(scenario.normaliser().description()).append('\n');
		String request = new String(live.request(), StandardCharsets.UTF_8);
		if (!cnosdb.password().isEmpty()) {
			request = request.replace(http.authorization(), "Basic <" + cnosdb.user() + ":password, not kept>");
		}
		if (scenario.request().bodyDescription() != null) {
			int end = request.indexOf("\r\n\r\n") + 4;
			out.append("request-body: not kept: ").append(scenario.request().bodyDescription()).append('\n');
			request = request.substring(0, end);
		}
		else {
			out.append("request-body: ")
				.append((scenario.request().body() != null) ? scenario.request().body().length : 0)
				.append(" byte(s), after the request's empty line to the end of this file\n");
		}
		out.append('\n').append(request);
		return out.toString();
	}

	/**
	 * A request on one line: method, target, and the body with line breaks and
	 * backslashes escaped.
	 */
	static String oneLine(CnosDbScenario.Request request) {
		String body = request.bodyText().replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n");
		List<String> parts = Arrays.asList(request.method(), request.target(), body);
		return String.join(" ", parts).strip();
	}

}
