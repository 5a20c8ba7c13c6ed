package io.cnosdb.spring.test.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cnosdb.spring.autoconfigure.health.CnosDbBatchWriterHealthContributorAutoConfiguration;
import io.cnosdb.spring.autoconfigure.health.CnosDbHealthContributorAutoConfiguration;
import io.cnosdb.spring.autoconfigure.metrics.CnosDbMetricsExportAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The slice imports every CnosDB auto-configuration an application gets, so a new one
 * cannot be forgotten, but the health indicators and the metrics export, which belong to
 * the actuator, as Spring Boot's data slices leave out their health indicators and meter
 * registries.
 */
class AutoConfigureCnosDbImportsTests {

	private static final List<String> LEFT_OUT = List.of(CnosDbHealthContributorAutoConfiguration.class.getName(),
			CnosDbBatchWriterHealthContributorAutoConfiguration.class.getName(),
			CnosDbMetricsExportAutoConfiguration.class.getName());

	@Test
	void sliceImportsEveryCnosDbAutoConfigurationButTheActuatorOnes() throws IOException {
		List<String> application = entries("META-INF/spring/" + AutoConfiguration.class.getName() + ".imports");
		List<String> slice = entries("META-INF/spring/" + AutoConfigureCnosDb.class.getName() + ".imports");
		assertThat(application).containsAll(LEFT_OUT);
		assertThat(slice).doesNotContainAnyElementsOf(LEFT_OUT);
		assertThat(slice).containsAll(application.stream().filter((name) -> !LEFT_OUT.contains(name)).toList());
	}

	/**
	 * The entries of this module's imports file, read from the sources: the class path
	 * has other jars' files of the same name.
	 */
	private static List<String> entries(String resource) throws IOException {
		return Files.readAllLines(Path.of("src/main/resources", resource))
			.stream()
			.map(String::strip)
			.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
			.toList();
	}

}
