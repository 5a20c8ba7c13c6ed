package io.cnosdb.spring.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import mockwebserver3.MockResponse;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * Answers of a real CnosDB, replayed by a {@link mockwebserver3.MockWebServer}: the
 * status, reason and headers the server sent and its body, chunked as it was chunked. The
 * answers are fixture files under {@code cnosdb-fixtures/} on the class path (see the
 * README there), recorded from a server of version {@value #VERSION} by
 * {@link RecordedAnswersTests}, one per {@link CnosDbScenarios scenario}.
 * <p>
 * Answers a single server cannot be made to give (a proxy's error page, a rate limit, a
 * body of millions of rows) are {@link #handWritten hand-written}, and say why.
 */
public final class RecordedAnswers {

	/** The server version whose recordings the tests replay. */
	public static final String VERSION = "2.4.2.1";

	/**
	 * The directory of answers recorded by hand from a server of {@link #VERSION} run
	 * with {@code [query] auth_enabled = true}: answers a server without authentication,
	 * which the scenarios run against, cannot give. Each {@code .request} says how it was
	 * obtained.
	 */
	public static final String AUTHENTICATION_ENABLED = VERSION + "-auth-enabled";

	/** The class-path directory of the fixtures. */
	public static final String ROOT = "cnosdb-fixtures";

	/** The directory, beside the versions, of answers written by hand. */
	public static final String HAND_WRITTEN = "hand-written";

	/**
	 * The metadata key of a hand-written fixture, whose value says why it was not
	 * recorded.
	 */
	public static final String HAND_WRITTEN_KEY = "hand-written";

	private static final Set<String> NOT_REPLAYED = Set.of("date", "content-length", "transfer-encoding", "connection");

	private static final Map<String, HttpFixture> cache = new ConcurrentHashMap<>();

	private RecordedAnswers() {
	}

	/** The answer recorded for the scenario, ready to enqueue. */
	public static MockResponse recorded(String scenario) {
		return recordedBuilder(scenario).build();
	}

	/**
	 * The answer recorded for the scenario, to add what the network does to it (a delay,
	 * a throttle, a connection closed half way) before enqueueing it.
	 */
	public static MockResponse.Builder recordedBuilder(String scenario) {
		return replay(fixture(VERSION, scenario));
	}

	/**
	 * The answer recorded from a server with authentication on
	 * ({@link #AUTHENTICATION_ENABLED}).
	 */
	public static MockResponse recordedWithAuthentication(String name) {
		return replay(fixture(AUTHENTICATION_ENABLED, name)).build();
	}

	/** The body recorded for the scenario, as UTF-8. */
	public static String recordedBody(String scenario) {
		return fixture(VERSION, scenario).bodyText();
	}

	/** The fixture recorded for the scenario from a server of the version. */
	public static HttpFixture fixture(String version, String scenario) {
		return cache.computeIfAbsent(version + "/" + scenario,
				(path) -> HttpFixture.parse(read(ROOT + "/" + path + ".http")));
	}

	/**
	 * The metadata of a fixture: the lines {@code key: value} before its request, in
	 * order, keys repeated joined by a line break.
	 */
	public static Map<String, String> metadata(String directory, String scenario) {
		String text = new String(read(ROOT + "/" + directory + "/" + scenario + ".request"), StandardCharsets.UTF_8);
		Map<String, String> metadata = new LinkedHashMap<>();
		for (String line : text.split("\n")) {
			if (line.isEmpty()) {
				break;
			}
			if (line.startsWith("#")) {
				continue;
			}
			int colon = line.indexOf(": ");
			if (colon > 0) {
				metadata.merge(line.substring(0, colon), line.substring(colon + 2), (a, b) -> a + "\n" + b);
			}
		}
		return metadata;
	}

	/**
	 * An answer a single CnosDB cannot be made to give, written by hand: the fixture
	 * {@code hand-written/<name>.http}, whose {@code .request} says why it is not
	 * recorded.
	 */
	public static MockResponse handWritten(String name) {
		String why = metadata(HAND_WRITTEN, name).get(HAND_WRITTEN_KEY);
		if (why == null || why.isBlank()) {
			throw new IllegalStateException("Hand-written fixture '" + name + "' does not say why it was not recorded");
		}
		return replay(cache.computeIfAbsent(HAND_WRITTEN + "/" + name,
				(path) -> HttpFixture.parse(read(ROOT + "/" + path + ".http"))))
			.build();
	}

	/**
	 * A body written by hand in the answer recorded for another scenario: the status and
	 * headers the server sends with such a body, chunked as the server chunks it, around
	 * content it could not be made to send in a test (millions of rows, rows relative to
	 * now).
	 * @param shapeOf the scenario whose answer gives the status, headers and chunking
	 * @param body the body
	 * @param why why the body is not recorded
	 */
	public static MockResponse.Builder handWritten(String shapeOf, String body, String why) {
		if (why == null || why.isBlank()) {
			throw new IllegalArgumentException("Say why the body of '" + shapeOf + "' is written by hand");
		}
		HttpFixture shape = fixture(VERSION, shapeOf);
		MockResponse.Builder builder = head(shape);
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		if (shape.chunked()) {
			int chunkSize = shape.chunks().stream().mapToInt((chunk) -> chunk.length).max().orElse(8192);
			Buffer framed = new Buffer();
			for (int offset = 0; offset < bytes.length; offset += chunkSize) {
				int length = Math.min(chunkSize, bytes.length - offset);
				framed.writeHexadecimalUnsignedLong(length)
					.writeUtf8("\r\n")
					.write(bytes, offset, length)
					.writeUtf8("\r\n");
			}
			return chunked(builder, framed);
		}
		return builder.body(new Buffer().write(bytes));
	}

	/**
	 * The names of the fixtures in a directory of the class path that is a plain
	 * directory.
	 */
	static Set<String> names(String directory) {
		Set<String> names = new TreeSet<>();
		try (InputStream listing = RecordedAnswers.class.getClassLoader()
			.getResourceAsStream(ROOT + "/" + directory + "/")) {
			if (listing == null) {
				return names;
			}
			for (String file : new String(listing.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (file.endsWith(".http")) {
					names.add(file.substring(0, file.length() - ".http".length()));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return names;
	}

	/**
	 * Builds the answer: status line, headers but those of the connection, and the body
	 * as framed.
	 */
	static MockResponse.Builder replay(HttpFixture fixture) {
		MockResponse.Builder builder = head(fixture);
		if (fixture.chunked()) {
			Buffer framed = new Buffer();
			for (byte[] chunk : fixture.chunks()) {
				framed.writeHexadecimalUnsignedLong(chunk.length).writeUtf8("\r\n").write(chunk).writeUtf8("\r\n");
			}
			return chunked(builder, framed);
		}
		return builder.body(new Buffer().write(fixture.body()));
	}

	private static MockResponse.Builder head(HttpFixture fixture) {
		MockResponse.Builder builder = new MockResponse.Builder()
			.status("HTTP/1.1 " + fixture.status() + (fixture.reason().isEmpty() ? "" : " " + fixture.reason()));
		for (HttpFixture.Header header : fixture.headers()) {
			if (!NOT_REPLAYED.contains(header.name().toLowerCase(java.util.Locale.ROOT))) {
				builder.addHeader(header.name(), header.value());
			}
		}
		return builder;
	}

	private static MockResponse.Builder chunked(MockResponse.Builder builder, Buffer framed) {
		// The framing is written as the body; the last chunk is written by the server
		// with the trailers.
		framed.writeUtf8("0\r\n");
		return builder.body(framed).removeHeader("Content-Length").addHeader("Transfer-Encoding", "chunked");
	}

	private static byte[] read(String resource) {
		try (@Nullable
		InputStream in = RecordedAnswers.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalArgumentException("No fixture " + resource + " on the class path: record it with "
						+ "RecordedAnswersTests (-DCNOSDB_URL=… -Dcnosdb.fixtures.record=true)");
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
