package io.cnosdb.spring.autoconfigure.health;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.core.http.CnosHttpClient;
import io.cnosdb.spring.testsupport.CnosDbScenarios;
import io.cnosdb.spring.testsupport.MockCnosDb;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import static io.cnosdb.spring.testsupport.RecordedAnswers.handWritten;
import static io.cnosdb.spring.testsupport.RecordedAnswers.recorded;
import static io.cnosdb.spring.testsupport.RecordedAnswers.recordedWithAuthentication;
import static io.cnosdb.spring.testsupport.RecordedAnswers.recordedBuilder;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CnosDbHealthIndicator} against a loopback server: each way the ping
 * and the validation statement can end, and that no detail holds a credential.
 */
class CnosDbHealthIndicatorTests {

	/** The password the server echoes in {@code malformed-authorization}. */
	private static final String PASSWORD = CnosDbScenarios.ECHOED_PASSWORD;

	/** The version in the answer of {@code ping}. */
	private static final String PING_VERSION = "2.4.2, revision c6a177786a823ff5b3cd991464e898fb7b413cad";

	private static final String TOKEN = Base64.getEncoder()
		.encodeToString(("root:" + PASSWORD).getBytes(StandardCharsets.UTF_8));

	private final MockCnosDb server = new MockCnosDb();

	@AfterEach
	void stopServer() throws Exception {
		this.server.close();
	}

	private CnosTemplate template(String url) {
		return CnosTemplate.builder()
			.url(url)
			.credentials("root", PASSWORD)
			.readTimeout(Duration.ofSeconds(60))
			.build();
	}

	private Health health(Duration timeout) {
		return new CnosDbHealthIndicator(template(this.server.url()), timeout).health();
	}

	private void assertNoCredentials(Health health) {
		assertThat(health.toString()).doesNotContain(PASSWORD).doesNotContain(TOKEN);
		assertThat(health.getDetails().values())
			.allSatisfy((value) -> assertThat(String.valueOf(value)).doesNotContain(PASSWORD).doesNotContain(TOKEN));
	}

	@Test
	void upWithTheServerVersion() {
		this.server.enqueue(recorded("ping"));
		this.server.enqueue(recorded("health-statement"));
		Health health = health(Duration.ofSeconds(2));
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsExactlyEntriesOf(java.util.Map.of("version", PING_VERSION));
		RecordedRequest ping = this.server.takeRequest();
		assertThat(ping.getMethod()).isEqualTo("GET");
		assertThat(ping.getUrl().encodedPath()).isEqualTo("/api/v1/ping");
		assertThat(ping.getHeaders().get("Authorization")).as("a ping needs and gets no credentials").isNull();
		RecordedRequest validation = this.server.takeRequest();
		assertThat(validation.getMethod()).isEqualTo("POST");
		assertThat(validation.getUrl().encodedPath()).isEqualTo("/api/v1/sql");
		assertThat(validation.getUrl().queryParameter("db")).isEqualTo("public");
		assertThat(validation.getHeaders().get("Authorization")).isEqualTo("Basic " + TOKEN);
		assertThat(validation.getBody().utf8()).isEqualTo("SELECT 1");
	}

	@Test
	void checksTheGivenDatabaseAndTenantOverAClient() {
		this.server.enqueue(recorded("ping"));
		this.server.enqueue(recorded("health-statement"));
		try (CnosHttpClient client = CnosHttpClient.builder()
			.url(this.server.url())
			.credentials("root", PASSWORD)
			.build()) {
			Health health = new CnosDbHealthIndicator(client, "ocean", "acme", Duration.ofSeconds(2)).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsExactlyEntriesOf(java.util.Map.of("version", PING_VERSION));
		}
		assertThat(this.server.takeRequest().getUrl().encodedPath()).isEqualTo("/api/v1/ping");
		RecordedRequest validation = this.server.takeRequest();
		assertThat(validation.getUrl().queryParameter("db")).isEqualTo("ocean");
		assertThat(validation.getUrl().queryParameter("tenant")).isEqualTo("acme");
		assertThat(validation.getHeaders().get("Authorization")).isEqualTo("Basic " + TOKEN);
	}

	@Test
	void downWithTheErrorCodeWhenAuthenticationIsOnAndThePasswordIsWrong() {
		// Recorded from a server with authentication on: root with an empty password.
		this.server.enqueue(recorded("ping"));
		this.server.enqueue(recordedWithAuthentication("access-denied"));
		Health health = health(Duration.ofSeconds(2));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("version", PING_VERSION).containsEntry("errorCode", "010016");
		assertThat((String) health.getDetails().get("reason")).contains("Access denied for user 'root'");
		assertNoCredentials(health);
	}

	@Test
	void downWhenRootMustStillChangeItsInitialPassword() {
		// Since CnosDB 2.4.1 root starts with the password 'root' and, with
		// authentication on,
		// may run nothing but ALTER USER until it is changed (recorded from 2.4.2).
		this.server.enqueue(recorded("ping"));
		this.server.enqueue(recordedWithAuthentication("root-must-change-password"));
		Health health = health(Duration.ofSeconds(2));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("errorCode", "010004");
		assertThat((String) health.getDetails().get("reason")).contains("expected [change password]");
	}

	@Test
	void downWithTheErrorCodeWhenTheServerRefusesTheCredentials() {
		// The ping answers without credentials, so only the statement shows that none of
		// the
		// application's calls would work. Recorded for a user the server does not know.
		this.server.enqueue(recorded("ping"));
		this.server.enqueue(recorded("unknown-user"));
		String password = "wrong-password";
		String token = Base64.getEncoder()
			.encodeToString(("fixture_nobody:" + password).getBytes(StandardCharsets.UTF_8));
		CnosTemplate nobody = CnosTemplate.builder()
			.url(this.server.url())
			.credentials("fixture_nobody", password)
			.readTimeout(Duration.ofSeconds(60))
			.build();
		Health health = new CnosDbHealthIndicator(nobody, Duration.ofSeconds(2)).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("version", PING_VERSION)
			.containsEntry("httpStatus", 422)
			.containsEntry("errorCode", "010016");
		assertThat((String) health.getDetails().get("reason"))
			.contains("Auth error: The user fixture_nobody not found");
		assertThat(health.toString()).doesNotContain(password).doesNotContain(token);
	}

	@Test
	void downWithinTheHealthTimeoutWhenTheStatementHangs() {
		this.server.enqueue(recorded("ping"));
		this.server.enqueue(recordedBuilder("health-statement").headersDelay(5, TimeUnit.SECONDS).build());
		Health health = health(Duration.ofMillis(300));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("version", PING_VERSION);
		assertThat((String) health.getDetails().get("reason")).contains("did not answer in time");
	}

	@Test
	void downWhenTheServerIsNotHealthy() {
		this.server.enqueue(handWritten("ping-starting"));
		Health health = health(Duration.ofSeconds(2));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("version", PING_VERSION)
			.containsEntry("reason", "CnosDB reported status 'starting'");
	}

	@Test
	void downWhenTheConnectionIsRefused() throws Exception {
		MockCnosDb closed = new MockCnosDb();
		String url = closed.url();
		closed.close();
		Health health = new CnosDbHealthIndicator(template(url), Duration.ofSeconds(2)).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat((String) health.getDetails().get("reason")).startsWith("Cannot reach CnosDB at http://");
		assertThat(health.getDetails()).doesNotContainKeys("errorCode", "httpStatus");
		assertNoCredentials(health);
	}

	@Test
	void downWithinTheHealthTimeoutWhileTheReadTimeoutIsLong() {
		this.server.enqueue(recordedBuilder("ping").headersDelay(5, TimeUnit.SECONDS).build());
		long start = System.nanoTime();
		Health health = health(Duration.ofMillis(300));
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat((String) health.getDetails().get("reason")).contains("did not answer in time");
		assertThat(took).isLessThan(Duration.ofSeconds(3));
	}

	@Test
	void downWithTheStatusOnAnEmptyNotFound() {
		this.server.enqueue(recorded("ping-not-found"));
		Health health = health(Duration.ofSeconds(2));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("httpStatus", 404).doesNotContainKey("errorCode");
		assertThat(health.getDetails()).containsKey("reason");
	}

	@Test
	void downWithTheErrorCodeOfAJsonError() {
		// CnosDB echoes a malformed Authorization header; nothing of it may reach the
		// details. The
		// answer is the SQL endpoint's (the ping reads no credentials), recorded with the
		// credentials sent unencoded.
		this.server.enqueue(recorded("ping"));
		this.server.enqueue(recorded("malformed-authorization"));
		Health health = health(Duration.ofSeconds(2));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("httpStatus", 400).containsEntry("errorCode", "040006");
		assertThat(health.getDetails()).containsKey("version");
		assertThat((String) health.getDetails().get("reason")).contains("malformed basic auth encoding");
		assertNoCredentials(health);
	}

	@Test
	void downOnAnAnswerThatIsNotThePingJson() {
		this.server.enqueue(handWritten("proxy-page"));
		Health health = health(Duration.ofSeconds(2));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat((String) health.getDetails().get("reason")).contains("ping JSON");
	}

	@Test
	void pingWithoutPingRequestFactoryUsesTheGivenBuildersTimeouts() {
		// A template given its own RestClient.Builder and no ping request factory pings
		// with
		// that builder's request factory: here one whose read timeout is 200ms.
		this.server.enqueue(recordedBuilder("ping").headersDelay(3, TimeUnit.SECONDS).build());
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory();
		requestFactory.setReadTimeout(Duration.ofMillis(200));
		CnosTemplate template = CnosTemplate.builder()
			.url(this.server.url())
			.restClientBuilder(RestClient.builder().requestFactory(requestFactory))
			.build();
		Health health = new CnosDbHealthIndicator(template, Duration.ofSeconds(30)).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat((String) health.getDetails().get("reason")).contains("did not answer in time");
	}

}
