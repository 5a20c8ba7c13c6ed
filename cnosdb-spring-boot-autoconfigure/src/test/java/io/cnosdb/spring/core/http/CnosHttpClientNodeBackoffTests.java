package io.cnosdb.spring.core.http;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.testsupport.MockCnosDb;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.util.backoff.ExponentialBackOff;

import static io.cnosdb.spring.testsupport.RecordedAnswers.handWritten;
import static io.cnosdb.spring.testsupport.RecordedAnswers.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How long a node of a cluster is skipped and how it comes back, on loopback servers and
 * a clock the test moves: held down for the backoff, pinged once it has passed, given the
 * requests again when the ping answers, skipped for twice as long when it does not; when
 * every node is held down, the one back soonest gets the request. The servers count their
 * requests, so each skipped node shows as one that was not asked.
 */
class CnosHttpClientNodeBackoffTests {

	private static final String LINE = "air,station=a temperature=21.5 1700000000000000000";

	@RegisterExtension
	final MockCnosDb first = new MockCnosDb();

	@RegisterExtension
	final MockCnosDb second = new MockCnosDb();

	private final AtomicLong nanos = new AtomicLong();

	private CnosHttpClient client;

	@AfterEach
	void closeClient() {
		if (this.client != null) {
			this.client.close();
		}
	}

	private CnosTemplate template() {
		this.client = CnosHttpClient.builder()
			.urls(List.of(this.first.url(), this.second.url()))
			.nodeBackoff(Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ZERO)
			.nanoClock(this.nanos::get)
			.build();
		return CnosTemplate.builder().httpClient(this.client).build();
	}

	private void advance(Duration duration) {
		this.nanos.addAndGet(duration.toNanos());
	}

	/** Answers 503 to the first {@code unavailable} requests, then as CnosDB does. */
	private static void unavailableFor(MockCnosDb db, int unavailable) {
		AtomicLong count = new AtomicLong();
		db.dispatch(new Dispatcher() {

			@Override
			public MockResponse dispatch(RecordedRequest request) {
				if (count.incrementAndGet() <= unavailable) {
					return handWritten("proxy-unavailable");
				}
				return answer(request);
			}

		});
	}

	private static void answering(MockCnosDb db) {
		unavailableFor(db, 0);
	}

	private static MockResponse answer(RecordedRequest request) {
		return switch (request.getUrl().encodedPath()) {
			case CnosHttpClient.PING_PATH -> recorded("ping");
			case CnosHttpClient.WRITE_PATH -> recorded("write");
			default -> recorded("select-1");
		};
	}

	private static List<String> paths(MockCnosDb db) {
		return IntStream.range(0, db.requestCount()).mapToObj((i) -> db.takeRequest().getUrl().encodedPath()).toList();
	}

	@Test
	void aNodeIsSkippedForItsBackoffThenPingedAndGivenTheRequestsAgain() {
		unavailableFor(this.first, 1);
		answering(this.second);
		CnosTemplate template = template();
		template.writeLines(List.of(LINE));
		advance(Duration.ofMillis(999));
		template.writeLines(List.of(LINE));
		assertThat(this.first.requestCount()).as("skipped within its backoff").isOne();
		advance(Duration.ofMillis(1));
		template.writeLines(List.of(LINE));
		template.writeLines(List.of(LINE));
		assertThat(paths(this.first)).containsExactly("/api/v1/write", "/api/v1/ping", "/api/v1/write",
				"/api/v1/write");
		assertThat(paths(this.second)).containsExactly("/api/v1/write", "/api/v1/write");
		assertThat(this.client.nodes().get(0).isAvailable()).isTrue();
		assertThat(this.client.nodes().get(0).version()).startsWith("2.4.2");
	}

	@Test
	void aNodeThatFailsItsPingIsSkippedForTwiceAsLongUpToTheLongestBackoff() {
		unavailableFor(this.first, Integer.MAX_VALUE);
		answering(this.second);
		CnosTemplate template = template();
		template.writeLines(List.of(LINE));
		// Backoffs of 1, 2, 4 and 4 seconds (the longest): a ping at the end of each.
		long[] pingsAfter = { 1, 3, 7, 11 };
		long second = 0;
		for (long pingAt : pingsAfter) {
			while (second < pingAt - 1) {
				advance(Duration.ofSeconds(1));
				second++;
				template.writeLines(List.of(LINE));
			}
			int before = this.first.requestCount();
			advance(Duration.ofSeconds(1));
			second++;
			template.writeLines(List.of(LINE));
			assertThat(this.first.requestCount()).as("pinged at %d s", second).isEqualTo(before + 1);
		}
		assertThat(this.first.requestCount()).as("one write, then only pings").isEqualTo(1 + pingsAfter.length);
		assertThat(this.second.requestCount()).isEqualTo(1 + (int) second);
	}

	@Test
	void whenEveryNodeIsHeldDownTheRequestGoesToTheOneBackSoonest() {
		unavailableFor(this.first, 1);
		unavailableFor(this.second, 1);
		CnosTemplate template = template();
		assertThatExceptionOfType(DataAccessResourceFailureException.class)
			.isThrownBy(() -> template.writeLines(List.of(LINE)))
			.withMessageStartingWith("None of the 2 CnosDB nodes took the request while writing")
			.withMessageContaining(this.first.url().replaceAll("/$", "") + " (")
			.withMessageContaining(this.second.url().replaceAll("/$", "") + " (")
			.withMessageContaining("upstream unavailable");
		advance(Duration.ofMillis(500));
		template.writeLines(List.of(LINE));
		assertThat(paths(this.first)).containsExactly("/api/v1/write", "/api/v1/write");
		assertThat(this.second.requestCount()).isOne();
		assertThat(this.client.nodes().get(0).isAvailable()).isTrue();
		assertThat(this.client.nodes().get(1).isAvailable()).isFalse();
	}

	@Test
	void failuresWhileANodeIsHeldDownDoNotLengthenItsBackoff() {
		// The requests in flight when a node dies all fail: one failure, one backoff.
		unavailableFor(this.first, 1);
		answering(this.second);
		CnosTemplate template = template();
		template.writeLines(List.of(LINE));
		CnosNode node = this.client.nodes().get(0);
		node.state().failed(new IllegalStateException("a request that was in flight"));
		node.state().failed(new IllegalStateException("another one"));
		advance(Duration.ofSeconds(1));
		template.writeLines(List.of(LINE));
		assertThat(paths(this.first)).containsExactly("/api/v1/write", "/api/v1/ping", "/api/v1/write");
	}

	@Test
	void aHealthCheckThatReachesANodeHeldDownMakesItAvailableAtOnce() {
		unavailableFor(this.first, 1);
		answering(this.second);
		CnosTemplate template = template();
		template.writeLines(List.of(LINE));
		CnosNode node = this.client.nodes().get(0);
		assertThat(node.isAvailable()).isFalse();
		assertThat(node.ping(Duration.ofSeconds(2)).isHealthy()).isTrue();
		assertThat(node.isAvailable()).isTrue();
		template.writeLines(List.of(LINE));
		assertThat(paths(this.first)).containsExactly("/api/v1/write", "/api/v1/ping", "/api/v1/write");
	}

	@Test
	void theJitterMovesEachBackoffWithinItsBounds() {
		for (int i = 0; i < 100; i++) {
			AtomicLong now = new AtomicLong();
			ExponentialBackOff backOff = new ExponentialBackOff(1000, 2);
			backOff.setMaxInterval(30_000);
			backOff.setJitter(500);
			NodeState state = new NodeState(true, backOff, now::get);
			state.failed("refused");
			assertThat(state.downUntil()).isBetween(Duration.ofMillis(1000).toNanos(),
					Duration.ofMillis(1500).toNanos());
			now.set(state.downUntil());
			state.failed("refused again");
			long second = state.downUntil() - now.get();
			assertThat(second).isBetween(Duration.ofMillis(1000).toNanos(), Duration.ofMillis(3000).toNanos());
		}
	}

}
