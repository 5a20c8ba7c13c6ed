package io.cnosdb.spring.testcontainers;

import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

import io.cnosdb.spring.autoconfigure.CnosDbConnectionDetails;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.boot.testcontainers.service.connection.ServiceConnectionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Which factory serves which {@code @ServiceConnection} container. Needs no Docker: the
 * connection details read their container only when asked, and nothing asks here, so the
 * containers are never started.
 */
class CnosDbServiceConnectionTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ServiceConnectionAutoConfiguration.class));

	@Test
	void typedContainerGetsExactlyOneConnection() {
		this.runner.withUserConfiguration(TypedContainer.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBeansOfType(CnosDbConnectionDetails.class).values()).singleElement()
				.isInstanceOf(CnosDbContainerConnectionDetailsFactory.CnosDbContainerConnectionDetails.class);
		});
	}

	@Test
	void typedContainerOfAMirroredImageIsMatchedByType() {
		this.runner.withUserConfiguration(MirroredTypedContainer.class)
			.run((context) -> assertThat(context.getBeansOfType(CnosDbConnectionDetails.class).values()).singleElement()
				.isInstanceOf(CnosDbContainerConnectionDetailsFactory.CnosDbContainerConnectionDetails.class));
	}

	@Test
	void genericContainerNamedByTheImageGetsAConnection() {
		this.runner.withUserConfiguration(NamedGenericContainer.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBeansOfType(CnosDbConnectionDetails.class).values()).singleElement()
				.isInstanceOf(CnosDbGenericContainerConnectionDetailsFactory.GenericContainerConnectionDetails.class);
		});
	}

	@Test
	void genericContainerOfAnotherImageGetsNone() {
		this.runner.withUserConfiguration(OtherGenericContainer.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining("No ConnectionDetails found"));
	}

	@Test
	void containerChecksItsImage() {
		assertThatIllegalStateException().isThrownBy(() -> new CnosDbContainer("influxdb:2.7"))
			.withMessageContaining("cnosdb/cnosdb");
		CnosDbContainer container = new CnosDbContainer();
		assertThat(CnosDbContainer.DEFAULT_IMAGE_NAME.withTag(CnosDbContainer.DEFAULT_TAG).asCanonicalNameString())
			.isEqualTo("cnosdb/cnosdb:community-latest");
		assertThat(container.getExposedPorts()).containsExactly(8902, 8904);
	}

	@Configuration(proxyBeanMethods = false)
	static class TypedContainer {

		@Bean
		@ServiceConnection
		CnosDbContainer cnosdb() {
			return new CnosDbContainer();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class MirroredTypedContainer {

		@Bean
		@ServiceConnection
		CnosDbContainer cnosdb() {
			return new CnosDbContainer(
					DockerImageName.parse("mirror.example/cnosdb:2.4.3").asCompatibleSubstituteFor("cnosdb/cnosdb"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NamedGenericContainer {

		@Bean
		@ServiceConnection(name = "cnosdb/cnosdb")
		GenericContainer<?> cnosdb() {
			return new GenericContainer<>("cnosdb/cnosdb:community-latest").withExposedPorts(8902);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OtherGenericContainer {

		@Bean
		@ServiceConnection(name = "influxdb", type = CnosDbConnectionDetails.class)
		GenericContainer<?> influx() {
			return new GenericContainer<>("influxdb:2.7");
		}

	}

}
