package io.cnosdb.spring.sample;

import java.io.IOException;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static io.cnosdb.spring.testsupport.RecordedAnswers.recorded;
import static io.cnosdb.spring.testsupport.RecordedAnswers.recordedWithAuthentication;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A CnosDB that answers but refuses the credentials: the startup line says so and names
 * the properties to check, instead of advising to start a server that is already running;
 * the health entry is DOWN with the server's error code although the ping answers.
 */
@ExtendWith(OutputCaptureExtension.class)
class RefusedCredentialsTests {

	@Test
	void startupLineAndHealthBlameTheCredentials(CapturedOutput output) throws IOException {
		try (MockWebServer server = new MockWebServer()) {
			server.setDispatcher(new Dispatcher() {

				@Override
				public MockResponse dispatch(RecordedRequest request) {
					if (request.getUrl().encodedPath().equals("/api/v1/ping")) {
						return recorded("ping");
					}
					// CnosDB's answer to any statement with a wrong password, recorded
					// from a
					// server with authentication on.
					return recordedWithAuthentication("access-denied");
				}

			});
			server.start();
			String url = server.url("/").toString();
			try (ConfigurableApplicationContext context = SpringApplication.run(SampleApplication.class,
					"--server.port=0", "--cnosdb.url=" + url, "--cnosdb.user=root", "--cnosdb.password=wrong-Secret",
					"--spring.docker.compose.enabled=false")) {
				assertThat(output.getOut()).contains("refused user 'root'")
					.contains("010016")
					.contains("check cnosdb.user and cnosdb.password")
					.doesNotContain("start a server");
				assertThat(output.getAll()).doesNotContain("wrong-Secret");

				int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
				SampleApi.Answer health = new SampleApi(port).get("/actuator/health");
				assertThat(health.status()).isEqualTo(503);
				assertThat(health.json().at("/components/cnosdb/status").asString()).isEqualTo("DOWN");
				assertThat(health.json().at("/components/cnosdb/details/errorCode").asString()).isEqualTo("010016");
				assertThat(health.json().at("/components/cnosdb/details/version").asString())
					.isEqualTo("2.4.2, revision c6a177786a823ff5b3cd991464e898fb7b413cad");
				assertThat(health.text()).doesNotContain("wrong-Secret");
			}
		}
	}

}
