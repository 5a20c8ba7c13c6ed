package io.cnosdb.spring.sample;

import java.io.IOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With no CnosDB at the configured URL the sample still starts, says so in one log line
 * that names the URL, prints no stack trace, and answers 503; the health entry is DOWN.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnreachableCnosDbTests {

	@Test
	void startsAndSaysWhereItLooked(CapturedOutput output) throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		String url = "http://127.0.0.1:" + closedPort;
		try (ConfigurableApplicationContext context = SpringApplication.run(SampleApplication.class, "--server.port=0",
				"--cnosdb.url=" + url, "--cnosdb.password=topsecret")) {
			assertThat(output.getOut()).containsOnlyOnce("CnosDB is not available at " + url);
			assertThat(output.getAll()).doesNotContain("\tat ").doesNotContain("topsecret");

			int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
			int status = RestClient.create("http://localhost:" + port)
				.get()
				.uri("/api/databases")
				.exchange((request, response) -> response.getStatusCode().value());
			assertThat(status).isEqualTo(503);

			SampleApi app = new SampleApi(port);
			SampleApi.Answer readings = app.get("/api/readings");
			assertThat(readings.status()).isEqualTo(503);
			assertThat(readings.json().path("title").asString()).isEqualTo("CnosDB unavailable");
			SampleApi.Answer health = app.get("/actuator/health");
			assertThat(health.status()).isEqualTo(503);
			assertThat(health.json().at("/components/cnosdb/status").asString()).isEqualTo("DOWN");
			assertThat(health.text()).doesNotContain("topsecret");
		}
	}

}
