package io.cnosdb.spring.sample;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns Spring Boot's Docker Compose support on when a Docker daemon answers, so the run
 * command starts CnosDB from {@code compose.yaml} where Docker exists and still starts
 * the application where it does not (Boot's support would stop the startup without a
 * daemon). An explicit {@code spring.docker.compose.enabled} always wins.
 */
class DockerComposeSwitch implements EnvironmentPostProcessor, Ordered {

	static final String ENABLED = "spring.docker.compose.enabled";

	private final BooleanSupplier dockerRunning;

	DockerComposeSwitch() {
		this(DockerComposeSwitch::dockerDaemonAnswers);
	}

	DockerComposeSwitch(BooleanSupplier dockerRunning) {
		this.dockerRunning = dockerRunning;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getProperty(ENABLED) == null) {
			environment.getPropertySources()
				.addLast(new MapPropertySource("dockerComposeSwitch",
						Map.of(ENABLED, this.dockerRunning.getAsBoolean())));
		}
	}

	@Override
	public int getOrder() {
		// After application.yml and profiles are read, so an explicit setting is seen.
		return ConfigDataEnvironmentPostProcessor.ORDER + 1;
	}

	private static boolean dockerDaemonAnswers() {
		try {
			Process docker = new ProcessBuilder("docker", "info", "--format", "{{.ServerVersion}}")
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			if (!docker.waitFor(5, TimeUnit.SECONDS)) {
				docker.destroyForcibly();
				return false;
			}
			return docker.exitValue() == 0;
		}
		catch (IOException ex) {
			// No docker command.
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
