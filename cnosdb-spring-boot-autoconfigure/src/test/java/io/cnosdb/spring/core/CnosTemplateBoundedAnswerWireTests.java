package io.cnosdb.spring.core;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import okio.BufferedSink;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.cnosdb.spring.testsupport.MockCnosDb;
import io.cnosdb.spring.testsupport.MockCnosDb.Transport;

import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.dao.QueryTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Every read API returns, in bounded time and memory, from answers that never end,
 * trickle in or hold an endless cell: a failed or abandoned answer is aborted rather than
 * read to its end, a statement has an overall deadline, rows have a size limit and lists
 * a row limit. The deadlines are generous; they only prove that the calls return at all.
 */
class CnosTemplateBoundedAnswerWireTests {

	private static final Duration RETURNS = Duration.ofSeconds(30);

	@RegisterExtension
	final MockCnosDb db = new MockCnosDb();

	/**
	 * A CSV answer of a header, then {@code row} again and again until the client hangs
	 * up.
	 */
	private static MockResponse endless(String header, String row) {
		return new MockResponse.Builder().code(200)
			.addHeader("content-type", "application/csv")
			.body(new MockResponseBody() {

				@Override
				public long getContentLength() {
					// More than any client reads: the body ends when the client hangs up.
					return Long.MAX_VALUE / 4;
				}

				@Override
				public void writeTo(BufferedSink sink) throws IOException {
					sink.writeUtf8(header);
					String chunk = row.repeat(Math.max(1, 8192 / row.length()));
					while (true) {
						sink.writeUtf8(chunk);
						sink.flush();
					}
				}

			})
			.build();
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void closingAStreamEarlyDoesNotReadTheRestOfAnEndlessAnswer(Transport transport) {
		this.db.enqueue(endless("n\n", "1\n"));
		CnosTemplate template = this.db.template(transport);
		assertTimeoutPreemptively(RETURNS, () -> {
			try (Stream<Long> stream = template.queryForStream("SELECT n FROM endless", Long.class)) {
				assertThat(stream.limit(3)).containsExactly(1L, 1L, 1L);
			}
		});
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void aFailingMapperDoesNotReadTheRestOfAnEndlessAnswer(Transport transport) {
		this.db.enqueue(endless("n\n", "1\n"));
		CnosTemplate template = this.db.template(transport);
		assertTimeoutPreemptively(RETURNS, () -> assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> template.query("SELECT n FROM endless", (row, rowNumber) -> {
				throw new IllegalStateException("mapper failed");
			}))
			.withMessage("mapper failed"));
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void anEndlessCellFailsAtTheRowSizeLimit(Transport transport) {
		this.db.enqueue(endless("s\n\"", "x"));
		CnosTemplate template = transport.configure(this.db, this.db.builder()).maxRowSize(1024 * 1024).build();
		assertTimeoutPreemptively(RETURNS,
				() -> assertThatExceptionOfType(DataRetrievalFailureException.class)
					.isThrownBy(() -> template.queryForList("SELECT s FROM endless"))
					.withMessageContaining(
							"Row 0 (counted from 0 after the header) of the answer is larger than 1048576 bytes")
					.withMessageContaining("cnosdb.max-row-size"));
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void aListOfAnEndlessAnswerFailsAtTheRowLimit(Transport transport) {
		this.db.enqueue(endless("n\n", "1\n"));
		this.db.enqueue(endless("n\n", "1\n"));
		CnosTemplate template = transport.configure(this.db, this.db.builder()).maxRows(1000).build();
		assertTimeoutPreemptively(RETURNS, () -> {
			assertThatExceptionOfType(DataRetrievalFailureException.class)
				.isThrownBy(() -> template.queryForList("SELECT n FROM endless"))
				.withMessageContaining("more than 1000 rows")
				.withMessageContaining("cnosdb.max-rows")
				.withMessageContaining("queryForStream");
			assertThatExceptionOfType(DataRetrievalFailureException.class)
				.isThrownBy(() -> template.queryForList("SELECT n FROM endless", Long.class))
				.withMessageContaining("more than 1000 rows");
		});
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void anAnswerTricklingInFailsAtTheQueryTimeout(Transport transport) {
		// A byte every 200 ms: each wait is far below the read timeout, the whole takes
		// minutes.
		this.db.enqueue(new MockResponse.Builder().code(200)
			.addHeader("content-type", "application/csv")
			.body("n\n" + "1\n".repeat(1000))
			.throttleBody(1, 200, TimeUnit.MILLISECONDS)
			.build());
		CnosTemplate template = transport.configure(this.db, this.db.builder())
			.readTimeout(Duration.ofSeconds(10))
			.queryTimeout(Duration.ofSeconds(1))
			.build();
		assertTimeoutPreemptively(RETURNS,
				() -> assertThatExceptionOfType(QueryTimeoutException.class)
					.isThrownBy(() -> template.queryForList("SELECT n FROM trickle"))
					.withMessageContaining("did not answer in time")
					.withMessageContaining("did not end within the deadline of 1000 ms")
					.withMessageContaining("cnosdb.query-timeout"));
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void aStatementWithinItsLimitsKeepsItsConnection(Transport transport) {
		this.db.enqueue(csv("n\n1\n2\n"), csv("n\n3\n"), new MockResponse.Builder().code(200).build());
		CnosTemplate template = this.db.template(transport);
		assertThat(template.queryForList("SELECT n FROM a", Long.class)).containsExactly(1L, 2L);
		assertThat(template.queryForObject("SELECT n FROM b", Long.class)).isEqualTo(3L);
		template.execute("CREATE TABLE c (v BIGINT)");
		// Answers read to their end are not aborted: the connection is reused.
		assertThat(this.db.takeRequest().getConnectionIndex()).isEqualTo(this.db.takeRequest().getConnectionIndex())
			.isEqualTo(this.db.takeRequest().getConnectionIndex());
	}

	/** A CSV answer as CnosDB sends a query's: {@code application/csv} with a length. */
	private static MockResponse csv(String body) {
		return new MockResponse.Builder().code(200).addHeader("content-type", "application/csv").body(body).build();
	}

}
