package io.cnosdb.spring.autoconfigure;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cnosdb.spring.core.CnosOperations;
import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.testsupport.CnosDbContextRunners;
import io.cnosdb.spring.testsupport.MockCnosDb;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;

import static io.cnosdb.spring.testsupport.RecordedAnswers.recorded;
import static io.cnosdb.spring.testsupport.RecordedAnswers.recordedBuilder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The auto-configured template's connections, with Spring Boot's HttpClient 5: the pool
 * is {@code cnosdb.max-connections} large and says so when exhausted, and pings of any
 * timeout share one client.
 */
class CnosDbConnectionAutoConfigurationTests {

	private final ApplicationContextRunner runner = CnosDbContextRunners.application();

	private final MockCnosDb server = new MockCnosDb();

	@BeforeEach
	void answerByPath() {
		this.server.dispatch(new Dispatcher() {

			@Override
			public MockResponse dispatch(RecordedRequest request) {
				if (request.getUrl().encodedPath().equals("/api/v1/ping")) {
					return recorded("ping");
				}
				return recorded("select-1-as-n");
			}

		});
	}

	@AfterEach
	void stopServer() throws Exception {
		this.server.close();
	}

	@Test
	void maxConnectionsSizesThePoolAndAnExhaustedPoolSaysSo() {
		this.runner
			.withPropertyValues("cnosdb.url=" + this.server.url(), "cnosdb.max-connections=1",
					"cnosdb.connect-timeout=500ms")
			.run((context) -> {
				CnosOperations cnos = context.getBean(CnosOperations.class);
				try (Stream<String> open = cnos.queryForStream("SELECT n FROM held", String.class)) {
					CompletableFuture<Void> second = CompletableFuture.runAsync(() -> cnos.execute("SELECT 1"));
					assertThatExceptionOfType(ExecutionException.class)
						.isThrownBy(() -> second.get(60, TimeUnit.SECONDS))
						.havingCause()
						.isInstanceOf(TransientDataAccessResourceException.class)
						.withMessageContaining("in the pool of 1 connection(s)")
						.withMessageContaining("cnosdb.max-connections");
				}
			});
	}

	@Test
	void pingsOfManyTimeoutsShareOneClientAndConnection() {
		this.runner.withPropertyValues("cnosdb.url=" + this.server.url()).run((context) -> {
			CnosTemplate cnos = context.getBean(CnosTemplate.class);
			for (int i = 0; i < 40; i++) {
				assertThat(cnos.ping(Duration.ofMillis(2000 + i)).status()).isEqualTo("healthy");
			}
			Set<Integer> connections = new HashSet<>();
			for (int i = 0; i < 40; i++) {
				connections.add(this.server.takeRequest().getConnectionIndex());
			}
			// A request factory per timeout built an HttpClient, a pool and a connection
			// for each.
			assertThat(connections).hasSize(1);
		});
	}

	@Test
	void aPingAnswerTricklingInFailsWithinThePingsTimeout() throws Exception {
		MockCnosDb trickling = new MockCnosDb();
		// CnosDB's recorded ping, a byte every 100 ms: each wait is far below the
		// timeout, the
		// whole (about 90 bytes) takes 9 s.
		trickling.enqueue(recordedBuilder("ping").throttleBody(1, 100, TimeUnit.MILLISECONDS).build());
		try (trickling) {
			this.runner.withPropertyValues("cnosdb.url=" + trickling.url(), "cnosdb.read-timeout=60s")
				.run((context) -> {
					CnosTemplate cnos = context.getBean(CnosTemplate.class);
					assertTimeoutPreemptively(Duration.ofSeconds(20),
							() -> assertThatExceptionOfType(QueryTimeoutException.class)
								.isThrownBy(() -> cnos.ping(Duration.ofSeconds(1)))
								.withMessageContaining("within the deadline of 1000 ms"));
				});
		}
	}

}
