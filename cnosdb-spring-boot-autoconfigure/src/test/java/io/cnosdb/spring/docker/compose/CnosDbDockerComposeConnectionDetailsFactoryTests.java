package io.cnosdb.spring.docker.compose;

import java.lang.reflect.Constructor;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cnosdb.spring.autoconfigure.CnosDbConnectionDetails;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactory;
import org.springframework.boot.docker.compose.core.ConnectionPorts;
import org.springframework.boot.docker.compose.core.ImageReference;
import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionSource;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link CnosDbDockerComposeConnectionDetailsFactory} with a described service,
 * so no Docker is needed.
 */
class CnosDbDockerComposeConnectionDetailsFactoryTests {

	private final CnosDbDockerComposeConnectionDetailsFactory factory = new CnosDbDockerComposeConnectionDetailsFactory();

	@Test
	void connectsToTheMappedHttpPort() throws Exception {
		ConnectionDetails details = this.factory
			.getConnectionDetails(source(service("cnosdb/cnosdb:community-latest", Map.of())));
		assertThat(details).isInstanceOf(CnosDbConnectionDetails.class);
		CnosDbConnectionDetails cnosdb = (CnosDbConnectionDetails) details;
		assertThat(cnosdb.getUrl()).isEqualTo("http://127.0.0.1:32790");
		assertThat(cnosdb.getUser()).isEqualTo("root");
		assertThat(cnosdb.getPassword()).isEmpty();
		assertThat(cnosdb.getSslBundle()).isNull();
	}

	@Test
	void acceptsAnImageLabelledAsCnosDb() throws Exception {
		RunningService service = service("registry.example/db/custom:1",
				Map.of("org.springframework.boot.service-connection", "cnosdb/cnosdb"));
		assertThat(this.factory.getConnectionDetails(source(service))).isInstanceOf(CnosDbConnectionDetails.class);
	}

	@Test
	void ignoresOtherImages() throws Exception {
		assertThat(this.factory.getConnectionDetails(source(service("influxdb:2.7", Map.of())))).isNull();
	}

	@Test
	void registeredForSpringBoot() {
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation()
			.load(ConnectionDetailsFactory.class, null,
					SpringFactoriesLoader.FailureHandler.handleMessage((message, ex) -> {
					})))
			.hasAtLeastOneElementOfType(CnosDbDockerComposeConnectionDetailsFactory.class)
			.anySatisfy((factory) -> assertThat(factory.getClass().getName())
				.isEqualTo("io.cnosdb.spring.testcontainers.CnosDbContainerConnectionDetailsFactory"))
			.anySatisfy((factory) -> assertThat(factory.getClass().getName())
				.isEqualTo("io.cnosdb.spring.testcontainers.CnosDbGenericContainerConnectionDetailsFactory"));
	}

	private static RunningService service(String image, Map<String, String> labels) {
		RunningService service = mock(RunningService.class);
		ConnectionPorts ports = mock(ConnectionPorts.class);
		given(ports.get(8902)).willReturn(32790);
		given(ports.getAll()).willReturn(List.of(32790));
		given(service.name()).willReturn("cnosdb");
		given(service.image()).willReturn(ImageReference.of(image));
		given(service.host()).willReturn("127.0.0.1");
		given(service.ports()).willReturn(ports);
		given(service.env()).willReturn(Map.of());
		given(service.labels()).willReturn(labels);
		return service;
	}

	/**
	 * The source's constructor is Spring Boot's own; a running application gets one from
	 * it.
	 */
	private static DockerComposeConnectionSource source(RunningService service) throws Exception {
		Constructor<DockerComposeConnectionSource> constructor = DockerComposeConnectionSource.class
			.getDeclaredConstructor(RunningService.class, Environment.class);
		constructor.setAccessible(true);
		return constructor.newInstance(service, new MockEnvironment());
	}

}
