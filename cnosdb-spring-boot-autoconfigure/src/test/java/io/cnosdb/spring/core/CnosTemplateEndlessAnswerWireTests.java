package io.cnosdb.spring.core;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import io.cnosdb.spring.core.exception.CnosUncategorizedException;
import io.cnosdb.spring.core.http.StatementDeadline;
import io.cnosdb.spring.core.result.CsvResultReader;
import io.cnosdb.spring.testsupport.MockCnosDb;
import io.cnosdb.spring.testsupport.MockCnosDb.Transport;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.RecordedRequest;
import okio.BufferedSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.dao.DataRetrievalFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Answers that never end where the client does not expect rows: an error body, a page
 * that is not CSV, the answer to a write. Each is cut off after the bytes the client
 * needs, instead of read to its end (closing an HttpClient 5 response reads the rest).
 * Also: a stream read to its end leaves no deadline behind, and a row of exactly the
 * largest size is read.
 */
class CnosTemplateEndlessAnswerWireTests {

	/** Generous: proves the call returns at all. */
	private static final Duration RETURNS = Duration.ofSeconds(30);

	@RegisterExtension
	final MockCnosDb db = new MockCnosDb();

	@ParameterizedTest
	@EnumSource(Transport.class)
	void anEndlessPageThatIsNotCsvFailsAtOnce(Transport transport) {
		this.db.enqueue(endless(200, "text/html"));
		CnosTemplate template = template(transport);
		assertTimeoutPreemptively(RETURNS,
				() -> assertThatExceptionOfType(DataRetrievalFailureException.class)
					.isThrownBy(() -> template.queryForList("SELECT 1"))
					.withMessageContaining("text/html"));
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void anEndlessErrorBodyIsCutOff(Transport transport) {
		this.db.enqueue(endless(500, "text/plain"));
		CnosTemplate template = template(transport);
		assertTimeoutPreemptively(RETURNS,
				() -> assertThatExceptionOfType(CnosUncategorizedException.class)
					.isThrownBy(() -> template.queryForList("SELECT 1"))
					.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(500)));
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void anEndlessAnswerToAWriteIsCutOff(Transport transport) {
		this.db.enqueue(endless(200, "text/plain"));
		CnosTemplate template = template(transport);
		assertTimeoutPreemptively(RETURNS, () -> template.writeLines(List.of("m v=1i 1")));
		assertThat(this.db.takeBody()).isEqualTo("m v=1i 1\n");
	}

	@Test
	void aStreamReadToItsEndLeavesNoDeadlineBehind() throws Exception {
		this.db.dispatch(new Dispatcher() {

			@Override
			public MockResponse dispatch(RecordedRequest request) {
				return new MockResponse.Builder().code(200)
					.addHeader("content-type", "application/csv")
					.body("n\n1\n2\n")
					.build();
			}

		});
		CnosTemplate template = this.db.template();
		ScheduledThreadPoolExecutor timer = deadlineTimer();
		int before = timer.getQueue().size();
		for (int i = 0; i < 200; i++) {
			// Collected without try-with-resources, as streams often are.
			assertThat(template.queryForStream("SELECT n FROM t", Long.class).toList()).containsExactly(1L, 2L);
		}
		assertThat(timer.getQueue().size() - before).isLessThan(10);
	}

	@Test
	void aRowOfExactlyTheLargestSizeIsRead() {
		for (String body : new String[] { "n\n12345678\n", "n\n12345678" }) {
			CsvResultReader reader = new CsvResultReader(
					new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), 64 * 1024, 8);
			assertThat(reader.next()).isTrue();
			assertThat(reader.text(0)).isEqualTo("12345678");
		}
		CsvResultReader tooLarge = new CsvResultReader(
				new ByteArrayInputStream("n\n123456789\n".getBytes(StandardCharsets.UTF_8)), 64 * 1024, 8);
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(tooLarge::next)
			.withMessageContaining("larger than 8 bytes");
	}

	private CnosTemplate template(Transport transport) {
		return transport.configure(this.db, this.db.builder())
			.readTimeout(Duration.ofSeconds(5))
			.queryTimeout(Duration.ofSeconds(2))
			.build();
	}

	private static ScheduledThreadPoolExecutor deadlineTimer() throws ReflectiveOperationException {
		Field instance = Class.forName(StatementDeadline.class.getName() + "$Timer").getDeclaredField("INSTANCE");
		instance.setAccessible(true);
		return (ScheduledThreadPoolExecutor) instance.get(null);
	}

	/**
	 * An answer whose body never ends, as from something other than CnosDB at the URL.
	 */
	private static MockResponse endless(int code, String contentType) {
		return new MockResponse.Builder().code(code)
			.addHeader("content-type", contentType)
			.body(new MockResponseBody() {

				@Override
				public long getContentLength() {
					return Long.MAX_VALUE / 4;
				}

				@Override
				public void writeTo(BufferedSink sink) throws IOException {
					String chunk = "x".repeat(8192);
					while (true) {
						sink.writeUtf8(chunk);
						sink.flush();
					}
				}

			})
			.build();
	}

}
