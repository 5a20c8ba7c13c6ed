package io.cnosdb.spring.testsupport;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The fixtures without a server: one recorded answer per scenario and none without one,
 * each hand-written answer saying why, and each replayed by a {@link MockCnosDb} exactly
 * as it was recorded.
 */
class RecordedFixturesTests {

	static Stream<String> scenarios() {
		return CnosDbScenarios.all().stream().map(CnosDbScenario::name);
	}

	static Stream<String> handWritten() {
		return RecordedAnswers.names(RecordedAnswers.HAND_WRITTEN).stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void everyScenarioHasAFixtureRecordedFromTheServer(String name) {
		Map<String, String> metadata = RecordedAnswers.metadata(RecordedAnswers.VERSION, name);
		assertThat(metadata).containsEntry("scenario", name)
			.containsEntry("source", "recorded")
			.containsKeys("server", "recorded", "request-body");
		assertThat(metadata.get("server")).startsWith("CnosDB ");
		HttpFixture fixture = RecordedAnswers.fixture(RecordedAnswers.VERSION, name);
		assertThat(fixture.status()).isBetween(200, 599);
	}

	@Test
	void everyRecordedFixtureBelongsToAScenario() {
		Set<String> scenarios = Set.copyOf(scenarios().toList());
		assertThat(RecordedAnswers.names(RecordedAnswers.VERSION)).isNotEmpty().isSubsetOf(scenarios);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("handWritten")
	void everyHandWrittenFixtureSaysWhy(String name) {
		Map<String, String> metadata = RecordedAnswers.metadata(RecordedAnswers.HAND_WRITTEN, name);
		assertThat(metadata).containsEntry("scenario", name).containsEntry("source", "hand-written");
		assertThat(metadata.get(RecordedAnswers.HAND_WRITTEN_KEY)).isNotBlank();
		assertThat(Set.copyOf(scenarios().toList())).as("a hand-written answer under a recorded scenario's name")
			.doesNotContain(name);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void recordedAnswerIsReplayedAsRecorded(String name) throws Exception {
		assertReplayedAsRecorded(RecordedAnswers.fixture(RecordedAnswers.VERSION, name),
				RecordedAnswers.recorded(name));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("handWritten")
	void handWrittenAnswerIsReplayedAsWritten(String name) throws Exception {
		HttpFixture fixture = HttpFixture.parse(readHandWritten(name));
		assertReplayedAsRecorded(fixture, RecordedAnswers.handWritten(name));
	}

	@Test
	void chunkedAnswerIsReplayedWithItsChunks() throws Exception {
		HttpFixture chunked = HttpFixture.parse(("HTTP/1.1 200 OK\r\ncontent-type: text/csv\r\n"
				+ "transfer-encoding: chunked\r\ndate: Mon, 01 Dec 2025 00:00:00 GMT\r\n\r\n"
				+ "2\r\na\n\r\n4\r\n1\n2\n\r\n0\r\n\r\n")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(chunked.chunked()).isTrue();
		assertThat(chunked.bodyText()).isEqualTo("a\n1\n2\n");
		assertThat(chunked.chunks()).hasSize(2);
		assertReplayedAsRecorded(chunked, RecordedAnswers.replay(chunked).build());
	}

	@Test
	void handWrittenBodyNeedsAReason() {
		assertThatIllegalArgumentException().isThrownBy(() -> RecordedAnswers.handWritten("select-1", "x", " "));
	}

	@Test
	void unknownScenarioSaysHowToRecordIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> RecordedAnswers.recorded("no-such-scenario"))
			.withMessageContaining("RecordedAnswersTests");
	}

	private static byte[] readHandWritten(String name) throws IOException {
		try (var in = RecordedAnswers.class.getClassLoader()
			.getResourceAsStream(RecordedAnswers.ROOT + "/" + RecordedAnswers.HAND_WRITTEN + "/" + name + ".http")) {
			assertThat(in).isNotNull();
			return in.readAllBytes();
		}
	}

	private static void assertReplayedAsRecorded(HttpFixture recorded, MockResponse answer) throws Exception {
		try (MockCnosDb db = new MockCnosDb()) {
			// MockWebServer keeps the connection open; the raw client reads to its end.
			db.enqueue(answer.newBuilder().onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE).build());
			HttpFixture replayed = new RawHttp(db.url(), "root", "")
				.exchange(CnosDbScenario.Request.get("/api/v1/ping"))
				.parsed();
			assertThat(replayed.status()).isEqualTo(recorded.status());
			assertThat(replayed.reason()).isEqualTo(recorded.reason());
			assertThat(replayed.chunked()).isEqualTo(recorded.chunked());
			assertThat(replayed.body()).isEqualTo(recorded.body());
			if (recorded.chunked()) {
				assertThat(replayed.chunks()).extracting((chunk) -> chunk.length)
					.containsExactlyElementsOf(recorded.chunks().stream().map((chunk) -> chunk.length).toList());
			}
			else {
				assertThat(replayed.header("Content-Length")).isEqualTo(String.valueOf(recorded.body().length));
			}
			assertThat(withoutConnectionHeaders(replayed.headers()))
				.containsExactlyElementsOf(withoutConnectionHeaders(recorded.headers()));
		}
	}

	private static List<HttpFixture.Header> withoutConnectionHeaders(List<HttpFixture.Header> headers) {
		Set<String> connection = Set.of("date", "content-length", "transfer-encoding", "connection");
		return headers.stream().filter((h) -> !connection.contains(h.name().toLowerCase(Locale.ROOT))).toList();
	}

}
