package io.cnosdb.spring.core.http;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.core.exception.CnosBadSqlException;
import io.cnosdb.spring.testsupport.MockCnosDb;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;

import static io.cnosdb.spring.testsupport.RecordedAnswers.handWritten;
import static io.cnosdb.spring.testsupport.RecordedAnswers.recorded;
import static io.cnosdb.spring.testsupport.RecordedAnswers.recordedBuilder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Each way a node of a cluster can fail a request, on loopback servers: what never
 * reached a node (a refused connection, an unknown host, a connect timeout) and a 503
 * answer go on to the next node; what failed after it was sent (a read timeout, a reset)
 * is not sent again, and holds its node down; an answer of the server's is no failure of
 * the node; a stream that loses its node midway fails naming it. Every test counts the
 * requests each server got, so that a request sent twice would show.
 */
class CnosHttpClientFailoverTests {

	private static final String LINE = "air,station=a temperature=21.5 1700000000000000000";

	@RegisterExtension
	final MockCnosDb first = new MockCnosDb();

	@RegisterExtension
	final MockCnosDb second = new MockCnosDb();

	private final List<AutoCloseable> closed = new ArrayList<>();

	@AfterEach
	void close() throws Exception {
		for (AutoCloseable closeable : this.closed) {
			closeable.close();
		}
	}

	private CnosTemplate template(String... urls) {
		return template(CnosHttpClient.builder().urls(List.of(urls)));
	}

	private CnosTemplate template(CnosHttpClientBuilder builder) {
		CnosHttpClient client = builder.nodeBackoff(Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ZERO)
			.build();
		this.closed.add(client);
		return CnosTemplate.builder().httpClient(client).build();
	}

	private static String refusingUrl() throws Exception {
		try (MockCnosDb gone = new MockCnosDb()) {
			return gone.url();
		}
	}

	private static CnosNode node(CnosTemplate template, int index) {
		return template.getHttpClient().nodes().get(index);
	}

	@Test
	void aRefusedConnectionGoesOnToTheNextNodeWhichThenTakesTheRequestsAlone() throws Exception {
		String refusing = refusingUrl();
		this.second.enqueue(recorded("write"), recorded("select-1"));
		CnosTemplate template = template(refusing, this.second.url());
		template.writeLines(List.of(LINE));
		assertThat(template.queryForList("SELECT 1")).hasSize(1);
		assertThat(this.second.requestCount()).isEqualTo(2);
		assertThat(this.second.takeRequest().getUrl().encodedPath()).isEqualTo("/api/v1/write");
		assertThat(this.second.takeBody()).isEqualTo("SELECT 1");
		CnosNode down = node(template, 0);
		assertThat(down.isAvailable()).isFalse();
		assertThat(down.lastError()).startsWith("Cannot reach CnosDB at " + refusing.replaceAll("/$", ""));
		// The second request went to the second node directly: one failover, not two.
		assertThat(down.failovers()).isOne();
		assertThat(node(template, 1).isAvailable()).isTrue();
	}

	@Test
	void anUnknownHostGoesOnToTheNextNode() {
		this.second.enqueue(recorded("write"));
		CnosTemplate template = template("http://cnosdb-node.invalid:8902", this.second.url());
		template.writeLines(List.of(LINE));
		assertThat(this.second.requestCount()).isOne();
		assertThat(node(template, 0).isAvailable()).isFalse();
	}

	@Test
	void aConnectTimeoutGoesOnToTheNextNode() throws Exception {
		// A listener that never accepts, its backlog full: the next connection attempt
		// waits for an answer to its SYN that never comes, as with a host that is gone.
		try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			List<Socket> backlog = new ArrayList<>();
			try {
				for (int i = 0; i < 4; i++) {
					Socket socket = new Socket();
					socket.connect(silent.getLocalSocketAddress(), 200);
					backlog.add(socket);
				}
			}
			catch (java.io.IOException ex) {
				// The backlog is full.
			}
			finally {
				this.closed.addAll(backlog);
			}
			this.second.enqueue(recorded("write"));
			CnosTemplate template = template(CnosHttpClient.builder()
				.urls(List.of("http://127.0.0.1:" + silent.getLocalPort(), this.second.url()))
				.connectTimeout(Duration.ofMillis(300)));
			template.writeLines(List.of(LINE));
			assertThat(this.second.requestCount()).isOne();
			assertThat(node(template, 0).lastError()).contains("timed out");
		}
	}

	@Test
	void aNodeAnswering503IsHeldDownAndTheRequestGoesOn() {
		this.first.enqueue(handWritten("proxy-unavailable"));
		this.second.enqueue(recorded("write"));
		CnosTemplate template = template(this.first.url(), this.second.url());
		template.writeLines(List.of(LINE));
		assertThat(this.first.requestCount()).isOne();
		assertThat(this.second.requestCount()).isOne();
		assertThat(this.first.takeBody()).isEqualTo(this.second.takeBody()).isEqualTo(LINE + "\n");
		assertThat(node(template, 0).isAvailable()).isFalse();
		assertThat(node(template, 0).lastError()).contains("upstream unavailable");
	}

	@Test
	void aWriteWhoseAnswerTimesOutIsNotSentAgainAndItsNodeIsHeldDown() {
		this.first.enqueue(recordedBuilder("write").headersDelay(5, TimeUnit.SECONDS).build());
		this.second.enqueue(recorded("write"));
		CnosTemplate template = template(CnosHttpClient.builder()
			.urls(List.of(this.first.url(), this.second.url()))
			.readTimeout(Duration.ofMillis(300)));
		assertThatExceptionOfType(QueryTimeoutException.class).isThrownBy(() -> template.writeLines(List.of(LINE)))
			.withMessageContaining(this.first.url().replaceAll("/$", ""));
		assertThat(this.first.requestCount()).isOne();
		assertThat(this.second.requestCount()).isZero();
		assertThat(node(template, 0).isAvailable()).isFalse();
		// The caller's own retry, such as the batch writer's, goes to the next node.
		template.writeLines(List.of(LINE));
		assertThat(this.second.requestCount()).isOne();
		assertThat(this.first.requestCount()).isOne();
	}

	@Test
	void aStatementWhoseConnectionIsResetAfterItWasSentIsNotSentAgain() {
		this.first
			.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
		CnosTemplate template = template(this.first.url(), this.second.url());
		assertThatExceptionOfType(DataAccessResourceFailureException.class)
			.isThrownBy(() -> template.execute("CREATE DATABASE ocean"))
			.withMessageContaining(this.first.url().replaceAll("/$", ""));
		assertThat(this.first.requestCount()).isOne();
		assertThat(this.second.requestCount()).isZero();
		assertThat(node(template, 0).isAvailable()).isFalse();
	}

	@Test
	void anErrorTheNodeAnswersIsNotAFailureOfTheNode() {
		this.first.enqueue(recorded("sql-parser-error"));
		CnosTemplate template = template(this.first.url(), this.second.url());
		assertThatExceptionOfType(CnosBadSqlException.class).isThrownBy(() -> template.execute("SELEC 1"));
		assertThat(this.second.requestCount()).isZero();
		assertThat(node(template, 0).isAvailable()).isTrue();
		assertThat(node(template, 0).lastError()).isNull();
	}

	@Test
	void aStreamWhoseNodeFailsMidwayFailsNamingItAndIsNotResumedElsewhere() {
		StringBuilder body = new StringBuilder("v\n");
		for (int i = 0; i < 50_000; i++) {
			body.append(i).append('\n');
		}
		this.first.enqueue(new MockResponse.Builder().code(200)
			.addHeader("content-type", "application/csv")
			.body(body.toString())
			.throttleBody(16 * 1024, 10, TimeUnit.MILLISECONDS)
			.onResponseBody(new SocketEffect.CloseSocket())
			.build());
		CnosTemplate template = template(this.first.url(), this.second.url());
		List<Long> read = new ArrayList<>();
		try (Stream<Long> rows = template.queryForStream("SELECT v FROM t", Long.class)) {
			Iterator<Long> iterator = rows.iterator();
			assertThatExceptionOfType(DataAccessResourceFailureException.class).isThrownBy(() -> {
				while (iterator.hasNext()) {
					read.add(iterator.next());
				}
			}).withMessageContaining(this.first.url().replaceAll("/$", ""));
		}
		// Rows were handed out before the node failed: the statement is not run again.
		assertThat(read).isNotEmpty().hasSizeLessThan(50_000);
		assertThat(this.second.requestCount()).isZero();
		assertThat(node(template, 0).isAvailable()).isFalse();
	}

	@Test
	void eachAttemptIsObservedWithTheNodeItWentTo() throws Exception {
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.first.enqueue(handWritten("proxy-unavailable"));
		this.second.enqueue(recorded("write"));
		CnosTemplate template = template(CnosHttpClient.builder()
			.urls(List.of(this.first.url(), this.second.url()))
			.observationRegistry(registry));
		template.writeLines(List.of(LINE));
		TestObservationRegistryAssert.assertThat(registry)
			.hasNumberOfObservationsWithNameEqualTo("cnosdb.client.operations", 2)
			.hasAnObservation((observation) -> observation.hasLowCardinalityKeyValue("server.port", port(this.first))
				.hasLowCardinalityKeyValue("db.response.status_code", "503"))
			.hasAnObservation((observation) -> observation.hasLowCardinalityKeyValue("server.port", port(this.second))
				.hasLowCardinalityKeyValue("error.type", "none"));
	}

	@Test
	void theOnlyNodeOfAClientIsNeverHeldDown() throws Exception {
		String refusing = refusingUrl();
		CnosTemplate template = template(refusing);
		assertThatExceptionOfType(DataAccessResourceFailureException.class)
			.isThrownBy(() -> template.writeLines(List.of(LINE)))
			.withMessageStartingWith("Cannot reach CnosDB at " + refusing.replaceAll("/$", ""));
		assertThat(node(template, 0).isAvailable()).isTrue();
		assertThat(node(template, 0).lastError()).isNull();
		assertThat(template.getUrl()).isEqualTo(refusing.replaceAll("/$", ""));
	}

	@Test
	void theUrlOfAClusterNamesEveryNodeInOrder() {
		CnosTemplate template = template(this.first.url(), this.second.url());
		assertThat(template.getUrl())
			.isEqualTo(this.first.url().replaceAll("/$", "") + ", " + this.second.url().replaceAll("/$", ""));
		assertThat(template.getHttpClient().nodes()).extracting(CnosNode::url)
			.containsExactly(this.first.url().replaceAll("/$", ""), this.second.url().replaceAll("/$", ""));
	}

	private static String port(MockCnosDb db) {
		return Integer.toString(URI.create(db.url()).getPort());
	}

}
