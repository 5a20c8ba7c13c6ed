package io.cnosdb.spring.docker.compose;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.testcontainers.DockerClientFactory;

import io.cnosdb.spring.autoconfigure.CnosDbAutoConfiguration;
import io.cnosdb.spring.autoconfigure.CnosDbConnectionDetails;
import io.cnosdb.spring.core.CnosTemplate;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application with {@code spring-boot-docker-compose} starts CnosDB from a compose
 * file and connects to it. Needs Docker with the compose plugin; skipped without Docker.
 */
@EnabledIf("dockerAvailable")
class CnosDbDockerComposeIntegrationTests {

	static boolean dockerAvailable() {
		return DockerClientFactory.instance().isDockerAvailable();
	}

	@Test
	void connectsToTheComposeService() {
		SpringApplication application = new SpringApplication(App.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		try (ConfigurableApplicationContext context = application.run(
				"--spring.docker.compose.file=src/test/resources/docker/cnosdb-compose.yaml",
				"--spring.docker.compose.skip.in-tests=false",
				"--spring.docker.compose.lifecycle-management=start-and-stop",
				"--spring.docker.compose.readiness.timeout=3m")) {
			CnosDbConnectionDetails details = context.getBean(CnosDbConnectionDetails.class);
			assertThat(details)
				.isInstanceOf(CnosDbDockerComposeConnectionDetailsFactory.CnosDbDockerComposeConnectionDetails.class);
			CnosTemplate template = context.getBean(CnosTemplate.class);
			// The service's port accepts connections before the server answers pings.
			long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
			while (!pingHealthy(template) && System.nanoTime() < deadline) {
				Thread.onSpinWait();
			}
			assertThat(template.ping(Duration.ofSeconds(5)).isHealthy()).isTrue();
			assertThat(template.listDatabases()).contains("public");
		}
	}

	private static boolean pingHealthy(CnosTemplate template) {
		try {
			return template.ping(Duration.ofSeconds(1)).isHealthy();
		}
		catch (RuntimeException ex) {
			try {
				Thread.sleep(500);
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
			}
			return false;
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(CnosDbAutoConfiguration.class)
	static class App {

	}

}
