package io.cnosdb.spring.core;

import io.cnosdb.spring.core.http.CnosHttpClient;
import io.cnosdb.spring.testsupport.MockCnosDb;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.dao.TransientDataAccessResourceException;

import static io.cnosdb.spring.testsupport.RecordedAnswers.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Connections on loopback: the default pool holds more than five threads' nested queries,
 * an exhausted pool is reported as such within a short wait, and pings of any timeout
 * share one HTTP client.
 */
class CnosTemplateConnectionWireTests {

	@RegisterExtension
	final MockCnosDb db = new MockCnosDb();

	private void answerEveryStatement() {
		this.db.dispatch(new Dispatcher() {

			@Override
			public MockResponse dispatch(RecordedRequest request) {
				if (request.getUrl().encodedPath().equals(CnosHttpClient.PING_PATH)) {
					return recorded("ping");
				}
				return csv("n\n1\n2\n");
			}

		});
	}

	@Test
	void queriesInsideRowCallbacksFromMoreThreadsThanHttpClientsDefaultPerHostPool() throws Exception {
		answerEveryStatement();
		CnosTemplate template = this.db.template();
		List<CompletableFuture<Integer>> threads = new ArrayList<>();
		ExecutorService executor = Executors.newFixedThreadPool(8);
		for (int i = 0; i < 8; i++) {
			threads.add(CompletableFuture.supplyAsync(() -> {
				List<Integer> inner = new ArrayList<>();
				template.query("SELECT n FROM outer_table",
						(row) -> inner.add(template.queryForList("SELECT n FROM inner_table").size()));
				return inner.stream().mapToInt(Integer::intValue).sum();
			}, executor));
		}
		executor.shutdown();
		// HttpClient's 5 connections per host held the outer queries, and the inner ones
		// waited
		// 3 minutes for a sixth.
		for (CompletableFuture<Integer> thread : threads) {
			assertThat(thread.get(60, TimeUnit.SECONDS)).isEqualTo(4);
		}
	}

	@Test
	void anExhaustedPoolIsReportedAsSuchNotAsTheServerNotAnswering() throws Exception {
		answerEveryStatement();
		CnosTemplate template = this.db.builder().maxConnections(1).connectTimeout(Duration.ofMillis(500)).build();
		CompletableFuture<Void> second;
		try (Stream<String> open = template.queryForStream("SELECT n FROM held", String.class)) {
			second = CompletableFuture.runAsync(() -> template.execute("SELECT n FROM waiting"));
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> second.get(60, TimeUnit.SECONDS))
				.havingCause()
				.isInstanceOf(TransientDataAccessResourceException.class)
				.withMessageContaining("No free connection to CnosDB at ")
				.withMessageContaining("in the pool of 1 connection(s)")
				.withMessageContaining("the server was not asked")
				.withMessageContaining("cnosdb.max-connections");
		}
		assertThat(this.db.requestCount()).isOne();
	}

	@Test
	void pingsOfManyTimeoutsShareOneClientAndConnection() throws Exception {
		answerEveryStatement();
		CnosTemplate template = this.db.template();
		for (int i = 0; i < 40; i++) {
			assertThat(template.ping(Duration.ofMillis(2000 + i)).status()).isEqualTo("healthy");
		}
		Set<Integer> connections = new HashSet<>();
		for (int i = 0; i < 40; i++) {
			connections.add(this.db.takeRequest().getConnectionIndex());
		}
		// A client per timeout opened a connection (and its threads) for each.
		assertThat(connections).hasSize(1);
	}

	@Test
	void aPingRequestFactoryOfTheUsersIsAskedOncePerTimeoutNotPerPing() {
		// Such a function may build an HTTP client each time it is called.
		answerEveryStatement();
		java.util.concurrent.atomic.AtomicInteger made = new java.util.concurrent.atomic.AtomicInteger();
		CnosTemplate template = this.db.builder().pingRequestFactory((timeout) -> {
			made.incrementAndGet();
			return new org.springframework.http.client.JdkClientHttpRequestFactory();
		}).build();
		for (int i = 0; i < 10; i++) {
			assertThat(template.ping(Duration.ofSeconds(2)).status()).isEqualTo("healthy");
		}
		assertThat(made).hasValue(1);
	}

	/** A CSV answer as CnosDB sends a query's: {@code application/csv} with a length. */
	private static MockResponse csv(String body) {
		return new MockResponse.Builder().code(200).addHeader("content-type", "application/csv").body(body).build();
	}

}
