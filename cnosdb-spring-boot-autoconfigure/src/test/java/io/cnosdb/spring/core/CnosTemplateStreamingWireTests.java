package io.cnosdb.spring.core;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import io.cnosdb.spring.core.exception.CnosObjectNotFoundException;
import io.cnosdb.spring.core.result.CnosRow;
import io.cnosdb.spring.testsupport.MockCnosDb;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.dao.TypeMismatchDataAccessException;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import static io.cnosdb.spring.testsupport.RecordedAnswers.handWritten;
import static io.cnosdb.spring.testsupport.RecordedAnswers.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Results are read from the response as rows are asked for, and the response is released
 * when the stream is closed or the handler is done, also after a failure.
 */
class CnosTemplateStreamingWireTests {

	private static final int ROWS = 200_000;

	private static final String LARGE_CSV = largeCsv();

	@RegisterExtension
	final MockCnosDb db = new MockCnosDb();

	private final TrackingInterceptor tracker = new TrackingInterceptor();

	private final CnosTemplate template = this.db.builder()
		.restClientBuilder(
				RestClient.builder().requestFactory(new JdkClientHttpRequestFactory()).requestInterceptor(this.tracker))
		.build();

	record Reading(Instant time, String station, double visibility) {
	}

	@Test
	void streamReadsLazilyAndClosingReleasesTheResponse() {
		this.db.enqueue(largeResult(), recorded("select-1"));
		try (Stream<Reading> readings = this.template.queryForStream("select * from air",
				new CnosDataClassRowMapper<>(Reading.class))) {
			Iterator<Reading> iterator = readings.iterator();
			Reading first = iterator.next();
			assertThat(first).isEqualTo(new Reading(Instant.parse("2024-01-01T00:00:00.000000001Z"), "s0", 0.5));
			for (int i = 1; i < 10; i++) {
				assertThat(iterator.next().station()).isEqualTo("s" + i);
			}
			assertThat(this.tracker.bytesRead()).isLessThan(LARGE_CSV.length() / 20);
			assertThat(this.tracker.allClosed()).isFalse();
		}
		assertThat(this.tracker.allClosed()).isTrue();
		assertThat(this.template.queryForObject("select 1", Long.class)).isEqualTo(1L);
	}

	@Test
	void streamDeliversEveryRow() {
		this.db.enqueue(largeResult());
		try (Stream<Reading> readings = this.template.queryForStream("select * from air",
				new CnosDataClassRowMapper<>(Reading.class))) {
			assertThat(readings.mapToDouble(Reading::visibility).count()).isEqualTo(ROWS);
		}
		assertThat(this.tracker.bytesRead()).isEqualTo(LARGE_CSV.length());
		assertThat(this.tracker.allClosed()).isTrue();
	}

	@Test
	void rowCallbackHandlerSeesEveryRowAndReleasesTheResponse() {
		this.db.enqueue(largeResult());
		AtomicLong count = new AtomicLong();
		AtomicLong lastRowNumber = new AtomicLong(-1);
		this.template.query("select * from air", (CnosRow row) -> {
			count.incrementAndGet();
			lastRowNumber.set(row.getRowNumber());
		});
		assertThat(count).hasValue(ROWS);
		assertThat(lastRowNumber).hasValue(ROWS - 1);
		assertThat(this.tracker.allClosed()).isTrue();
	}

	@Test
	void failingHandlerStillReleasesTheResponse() {
		this.db.enqueue(largeResult());
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> this.template.query("select * from air", (CnosRow row) -> {
				if (row.getRowNumber() == 3) {
					throw new IllegalStateException("stop");
				}
			}));
		assertThat(this.tracker.allClosed()).isTrue();
	}

	@Test
	void badValueFailsWhenItsRowIsReachedAndClosingReleases() {
		this.db.enqueue(recorded("visibility-as-text"));
		try (Stream<Reading> readings = this.template.queryForStream("select * from air",
				new CnosDataClassRowMapper<>(Reading.class))) {
			Iterator<Reading> iterator = readings.iterator();
			assertThat(iterator.next().station()).isEqualTo("a");
			assertThatExceptionOfType(TypeMismatchDataAccessException.class).isThrownBy(iterator::next)
				.withMessageContaining("not-a-number")
				.withMessageContaining("visibility");
		}
		assertThat(this.tracker.allClosed()).isTrue();
	}

	@Test
	void errorAnswerFailsBeforeTheStreamIsReturned() {
		this.db.enqueue(recorded("table-not-found"));
		assertThatExceptionOfType(CnosObjectNotFoundException.class).isThrownBy(
				() -> this.template.queryForStream("select * from air", new CnosDataClassRowMapper<>(Reading.class)));
		assertThat(this.tracker.allClosed()).isTrue();
	}

	@Test
	void fluentStreamIsLazyToo() {
		this.db.enqueue(largeResult());
		try (Stream<Reading> readings = CnosClient.create(this.template)
			.sql("select * from air where station = :s")
			.param("s", "s1")
			.query(Reading.class)
			.stream()) {
			assertThat(readings.limit(3).map(Reading::station).toList()).isEqualTo(List.of("s0", "s1", "s2"));
			assertThat(this.tracker.bytesRead()).isLessThan(LARGE_CSV.length() / 20);
		}
		assertThat(this.tracker.allClosed()).isTrue();
		assertThat(this.db.takeBody()).isEqualTo("select * from air where station = 's1'");
	}

	/**
	 * Rows enough to be read lazily, in the headers and chunking of a recorded result of
	 * these columns.
	 */
	private static MockResponse largeResult() {
		return handWritten("fluent-readings", LARGE_CSV,
				"200 000 rows (9 MB) are too large to keep as a fixture; the rows are generated")
			.build();
	}

	private static String largeCsv() {
		StringBuilder csv = new StringBuilder(ROWS * 48).append("time,station,visibility\n");
		for (int i = 0; i < ROWS; i++) {
			csv.append("2024-01-01T00:00:")
				.append(String.format("%02d", i % 60))
				.append('.')
				.append(String.format("%09d", i + 1))
				.append(",s")
				.append(i)
				.append(',')
				.append(i)
				.append(".5\n");
		}
		return csv.toString();
	}

}
