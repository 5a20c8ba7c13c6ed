package io.cnosdb.spring.core;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.RecordedRequest;
import okio.BufferedSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.cnosdb.spring.core.exception.CnosBadSqlException;
import io.cnosdb.spring.testsupport.MockCnosDb;
import io.cnosdb.spring.testsupport.MockCnosDb.Transport;

import static io.cnosdb.spring.testsupport.RecordedAnswers.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Queries ask for streamed answers ({@code chunked=true}), which the server sends batch
 * by batch: the rows sent before a failure midway are handed out, then the error the
 * server appended becomes the translated exception; a stream closed early ends the
 * exchange without reading the rest. The answers are recorded from CnosDB 2.4.2.
 */
class CnosTemplateStreamedAnswerWireTests {

	/** How many rows the recorded answer holds before the server's error object. */
	private static final int ROWS_BEFORE_FAILURE = 160;

	private static final String FAILING_QUERY = "SELECT h, v, CAST(s AS BIGINT) AS n FROM m";

	@RegisterExtension
	final MockCnosDb db = new MockCnosDb();

	@ParameterizedTest
	@EnumSource(Transport.class)
	void queriesAndStatementsAskForAStreamedUncompressedAnswer(Transport transport) {
		this.db.enqueue(recorded("streamed-rows"), recorded("create-table"));
		CnosTemplate template = this.db.template(transport);
		template.queryForList("select v from t order by time", Long.class);
		template.execute("CREATE TABLE t (v BIGINT)");
		for (int i = 0; i < 2; i++) {
			RecordedRequest request = this.db.takeRequest();
			assertThat(request.getUrl().queryParameter("chunked")).isEqualTo("true");
			// CnosDB gzips each batch as a gzip member of its own, which the JDK's
			// GZIPInputStream (behind HttpClient 5's decompression) may take for the end
			// of the body when the next batch has not arrived: rows would be lost.
			assertThat(request.getHeaders().values("Accept-Encoding")).containsExactly("identity");
		}
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void aStreamedAnswerDeliversEveryRow(Transport transport) {
		this.db.enqueue(recorded("streamed-rows"));
		List<Long> values = this.db.template(transport).queryForList("select v from t order by time", Long.class);
		assertThat(values).hasSize(400).startsWith(0L, 1L).endsWith(399L);
	}

	@Test
	void aStreamedAnswerWithoutRowsIsEmpty() {
		this.db.enqueue(recorded("streamed-empty-result"));
		assertThat(this.db.template().queryForList("select v from t where v > 1000")).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void aFailureMidwayComesAfterTheRowsSentBeforeIt(Transport transport) {
		this.db.enqueue(recorded("streamed-failure-midway"), recorded("select-1"));
		CnosTemplate template = this.db.template(transport);
		List<String> hosts = new ArrayList<>();
		assertThatExceptionOfType(CnosBadSqlException.class).isThrownBy(() -> template.query(FAILING_QUERY, (row) -> {
			hosts.add(row.getString("h"));
		}))
			.withMessageContaining(FAILING_QUERY)
			.withMessageContaining("failed midway, after " + ROWS_BEFORE_FAILURE + " rows")
			.withMessageContaining("Cannot cast string 'x' to value of Int64 type")
			.satisfies((ex) -> {
				assertThat(ex.getErrorResponse().statusCode()).isEqualTo(200);
				assertThat(ex.getErrorResponse().errorCode()).isEqualTo("040007");
			});
		assertThat(hosts).hasSize(ROWS_BEFORE_FAILURE).startsWith("h0").endsWith("h2");
		// The statement was sent once, and the connection serves the next one.
		assertThat(template.queryForObject("select 1", Long.class)).isEqualTo(1L);
		assertThat(this.db.requestCount()).isEqualTo(2);
	}

	@Test
	void aStreamOfAnAnswerFailingMidwayEndsWithTheFailure() {
		this.db.enqueue(recorded("streamed-failure-midway"));
		List<Long> values = new ArrayList<>();
		try (Stream<Long> stream = this.db.template()
			.queryForStream(FAILING_QUERY, (row, rowNumber) -> row.getLong("v"))) {
			assertThatExceptionOfType(CnosBadSqlException.class).isThrownBy(() -> stream.forEach(values::add))
				.withMessageContaining("after " + ROWS_BEFORE_FAILURE + " rows");
		}
		assertThat(values).hasSize(ROWS_BEFORE_FAILURE);
	}

	@Test
	void aFailureBeforeAnyRowIsTheTranslatedError() {
		this.db.enqueue(recorded("streamed-failure-before-rows"));
		String sql = "SELECT h, v, CAST(s AS BIGINT) AS n FROM m WHERE h = 'h9' AND v = 19";
		assertThatExceptionOfType(CnosBadSqlException.class).isThrownBy(() -> this.db.template().queryForList(sql))
			.withMessageContaining(sql)
			.withMessageContaining("failed midway, after 0 rows")
			.withMessageContaining("Fetch result: Arrow: Cast error");
	}

	@Test
	void anAppendedErrorWithAnUnescapedQuoteKeepsItsCodeAndMessage() {
		this.db.enqueue(recorded("streamed-failure-unescaped-message"));
		String sql = "SELECT CAST(concat('a\"b', s) AS BIGINT) AS n FROM m WHERE h = 'h9' AND v = 19";
		assertThatExceptionOfType(CnosBadSqlException.class).isThrownBy(() -> this.db.template().queryForList(sql))
			.satisfies((ex) -> {
				assertThat(ex.getErrorResponse().errorCode()).isEqualTo("040007");
				assertThat(ex.getErrorResponse().message())
					.isEqualTo("Fetch result: Arrow: Cast error: Cannot cast string 'a\"bx' to value of Int64 type");
			});
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void closingAStreamEarlyEndsTheExchangeWithoutReadingTheRest(Transport transport) throws Exception {
		CountingBody body = new CountingBody(64L * 1024 * 1024);
		this.db.enqueue(
				new MockResponse.Builder().code(200).addHeader("content-type", "application/csv").body(body).build());
		try (Stream<Long> stream = this.db.template(transport).queryForStream("SELECT n FROM large", Long.class)) {
			assertThat(stream.limit(3)).containsExactly(1L, 1L, 1L);
		}
		// The server stops writing when the client hangs up; draining would have taken
		// every byte. The wait only bounds a broken test.
		long written = body.written.get(60, TimeUnit.SECONDS);
		assertThat(written).isLessThan(body.length / 2);
	}

	/** A CSV answer of {@code length} bytes that records how much of it was written. */
	private static final class CountingBody implements MockResponseBody {

		private final long length;

		private final CompletableFuture<Long> written = new CompletableFuture<>();

		CountingBody(long length) {
			this.length = length;
		}

		@Override
		public long getContentLength() {
			return this.length;
		}

		@Override
		public void writeTo(BufferedSink sink) throws IOException {
			String header = "n\n";
			String rows = "1\n".repeat(4096);
			long count = 0;
			try {
				sink.writeUtf8(header);
				count += header.length();
				while (count + rows.length() <= this.length) {
					sink.writeUtf8(rows);
					sink.flush();
					count += rows.length();
				}
				String tail = "1\n".repeat((int) (this.length - count) / 2);
				sink.writeUtf8(tail);
				sink.flush();
				count += tail.length();
			}
			finally {
				this.written.complete(count);
			}
		}

	}

}
