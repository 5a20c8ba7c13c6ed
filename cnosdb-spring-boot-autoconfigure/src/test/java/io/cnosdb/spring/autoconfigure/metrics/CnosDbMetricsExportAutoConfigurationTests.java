package io.cnosdb.spring.autoconfigure.metrics;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.core.instrument.step.StepMeterRegistry;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.cnosdb.spring.core.http.CnosHttpClient;
import io.cnosdb.spring.metrics.CnosDbMeterRegistry;
import io.cnosdb.spring.metrics.CnosDbRegistryConfig;
import io.cnosdb.spring.testsupport.CnosDbContextRunners;
import io.cnosdb.spring.testsupport.MockCnosDb;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.cnosdb.spring.testsupport.RecordedAnswers.recorded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auto-configuration of the metrics export: off unless enabled, its properties, its
 * place among Spring Boot's registries, the conditions it backs off on, and the database
 * created at startup unless opted out.
 */
@ExtendWith(OutputCaptureExtension.class)
class CnosDbMetricsExportAutoConfigurationTests {

	@RegisterExtension
	final MockCnosDb db = new MockCnosDb();

	/**
	 * An application with the actuator's metrics: a clock, the composite and simple
	 * registries.
	 */
	private final ApplicationContextRunner runner = CnosDbContextRunners.application()
		.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class))
		.withPropertyValues("cnosdb.url=" + this.db.url());

	private final ApplicationContextRunner enabled = this.runner
		.withPropertyValues("management.cnosdb.metrics.export.enabled=true");

	/**
	 * Answers as CnosDB answered a write and a {@code CREATE DATABASE}: a registry pushes
	 * its last step when the context closes.
	 */
	@BeforeEach
	void answerAsCnosDb() {
		this.db.dispatch(new Dispatcher() {

			@Override
			public MockResponse dispatch(RecordedRequest request) {
				return "/api/v1/write".equals(request.getUrl().encodedPath()) ? recorded("write")
						: recorded("create-database");
			}

		});
	}

	@Test
	void offUnlessEnabled() {
		this.runner.run((context) -> {
			assertThat(context).doesNotHaveBean(CnosDbMeterRegistry.class);
			assertThat(context).hasSingleBean(SimpleMeterRegistry.class);
		});
		this.runner.withPropertyValues("management.cnosdb.metrics.export.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(CnosDbMeterRegistry.class));
		assertThat(received()).isEmpty();
	}

	@Test
	void enabledItIsTheRegistryAndTheSimpleRegistryBacksOff() {
		this.enabled.withPropertyValues("management.cnosdb.metrics.export.auto-create-db=false").run((context) -> {
			assertThat(context).hasSingleBean(CnosDbMeterRegistry.class);
			assertThat(context).doesNotHaveBean(SimpleMeterRegistry.class);
			assertThat(context.getBean(MeterRegistry.class)).isSameAs(context.getBean(CnosDbMeterRegistry.class));
		});
	}

	@Test
	void withAnotherRegistryItJoinsTheComposite() {
		this.enabled.withPropertyValues("management.cnosdb.metrics.export.auto-create-db=false")
			.withBean("otherRegistry", SimpleMeterRegistry.class)
			.run((context) -> {
				MeterRegistry primary = context.getBean(MeterRegistry.class);
				assertThat(primary).isInstanceOf(CompositeMeterRegistry.class);
				assertThat(((CompositeMeterRegistry) primary).getRegistries()).containsExactlyInAnyOrder(
						context.getBean(CnosDbMeterRegistry.class),
						context.getBean("otherRegistry", MeterRegistry.class));
			});
	}

	@Test
	void propertiesConfigureTheRegistry() {
		this.enabled
			.withPropertyValues("management.cnosdb.metrics.export.step=10s",
					"management.cnosdb.metrics.export.batch-size=500",
					"management.cnosdb.metrics.export.database=app_metrics",
					"management.cnosdb.metrics.export.auto-create-db=false")
			.run((context) -> {
				CnosDbRegistryConfig config = context.getBean(CnosDbRegistryConfig.class);
				assertThat(config.enabled()).isTrue();
				assertThat(config.step()).isEqualTo(Duration.ofSeconds(10));
				assertThat(config.batchSize()).isEqualTo(500);
				assertThat(config.database()).isEqualTo("app_metrics");
				assertThat(config.autoCreateDb()).isFalse();
			});
	}

	@Test
	void defaultsAreThoseOfTheProperties() {
		this.enabled.withPropertyValues("management.cnosdb.metrics.export.auto-create-db=false").run((context) -> {
			CnosDbMetricsExportProperties properties = new CnosDbMetricsExportProperties();
			CnosDbRegistryConfig config = context.getBean(CnosDbRegistryConfig.class);
			assertThat(config.step()).isEqualTo(properties.getStep()).isEqualTo(Duration.ofMinutes(1));
			assertThat(config.batchSize()).isEqualTo(properties.getBatchSize()).isEqualTo(10000);
			assertThat(config.database()).isEqualTo(properties.getDatabase()).isEqualTo("metrics");
		});
	}

	@Test
	void theDatabaseIsCreatedAtStartupInTheConfiguredTenant() {
		this.enabled.withPropertyValues("cnosdb.tenant=acme", "management.cnosdb.metrics.export.database=app_metrics")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				RecordedRequest request = this.db.takeRequest();
				assertThat(request.getRequestLine())
					.isEqualTo("POST /api/v1/sql?db=app_metrics&tenant=acme&chunked=true HTTP/1.1");
				assertThat(request.getBody().utf8()).isEqualTo("CREATE DATABASE IF NOT EXISTS \"app_metrics\"");
			});
	}

	@Test
	void creatingTheDatabaseIsOptedOutOfAndClosingTheContextPushesTheLastStep() {
		this.enabled.withPropertyValues("management.cnosdb.metrics.export.auto-create-db=false")
			.run((context) -> assertThat(context).hasSingleBean(CnosDbMeterRegistry.class));
		// No CREATE DATABASE; Micrometer pushes the step in progress when the registry
		// closes (and, past a step boundary, the last completed step first).
		assertThat(received()).isNotEmpty()
			.allSatisfy((request) -> assertThat(request.getRequestLine())
				.isEqualTo("POST /api/v1/write?db=metrics&tenant=cnosdb&precision=ns HTTP/1.1"));
	}

	@Test
	void anUnreachableServerAtStartupIsLoggedAndTheApplicationStarts(CapturedOutput output) throws IOException {
		String url = "http://127.0.0.1:" + closedPort();
		this.enabled.withPropertyValues("cnosdb.url=" + url, "cnosdb.password=s3cret-pw").run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(CnosDbMeterRegistry.class);
			assertThat(output.getOut()).containsOnlyOnce("Could not create the database 'metrics'").contains(url);
			assertThat(output.getAll()).doesNotContain("s3cret-pw");
		});
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|', textBlock = """
			step       | 0s          | 0ms         | must be at least 1ms
			step       | -1m         | -60000ms    | must be at least 1ms
			step       | 500us       | 500000ns    | must be at least 1ms
			batch-size | 0           | 0           | must be greater than 0
			database   | ''          | ''          | must not be empty
			database   | metrics/jvm | metrics/jvm | must not contain '/'
			""")
	void aValueThatCannotWorkStopsStartupNamingPropertyValueAndRule(String property, String value, String shown,
			String rule) {
		String name = "management.cnosdb.metrics.export." + property;
		this.enabled.withPropertyValues(name + "=" + value).run((context) -> {
			assertThat(context).hasFailed();
			InvalidConfigurationPropertyValueException failure = findCause(context.getStartupFailure());
			assertThat(failure.getName()).isEqualTo(name);
			assertThat(failure.getReason()).contains(rule);
			assertThat(failure.getMessage()).contains("'" + shown + "'");
		});
		assertThat(received()).isEmpty();
	}

	@Test
	void backsOffWithoutMicrometer() {
		this.enabled.withClassLoader(new FilteredClassLoader(StepMeterRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean(CnosDbMeterRegistry.class));
	}

	@Test
	void backsOffWithoutTheMetricsAutoConfigurationsClock() {
		CnosDbContextRunners.application()
			.withPropertyValues("cnosdb.url=" + this.db.url(), "management.cnosdb.metrics.export.enabled=true")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(Clock.class);
				assertThat(context).doesNotHaveBean(CnosDbMeterRegistry.class);
			});
	}

	@Test
	void backsOffWithoutASingleCnosDbClient() {
		this.enabled.withUserConfiguration(TwoClients.class)
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(CnosDbMeterRegistry.class));
	}

	@Test
	void backsOffForTheApplicationsRegistryAndCreatesItsDatabase() {
		this.enabled.withUserConfiguration(OwnRegistry.class).run((context) -> {
			assertThat(context).hasSingleBean(CnosDbMeterRegistry.class);
			assertThat(context).getBean(CnosDbMeterRegistry.class).isSameAs(context.getBean("ownRegistry"));
			assertThat(this.db.takeBody()).isEqualTo("CREATE DATABASE IF NOT EXISTS \"own_metrics\"");
		});
		assertThat(received()).isEmpty();
	}

	@Test
	void usesTheApplicationsConfig() {
		this.enabled.withUserConfiguration(OwnConfig.class).run((context) -> {
			assertThat(context).getBean(CnosDbRegistryConfig.class).isSameAs(context.getBean("ownConfig"));
			assertThat(context).hasSingleBean(CnosDbMeterRegistry.class);
		});
		assertThat(received()).isEmpty();
	}

	/** The requests the server received and that were not taken yet. */
	private List<RecordedRequest> received() {
		List<RecordedRequest> requests = new ArrayList<>();
		for (RecordedRequest request = next(); request != null; request = next()) {
			requests.add(request);
		}
		return requests;
	}

	private RecordedRequest next() {
		try {
			return this.db.server().takeRequest(200, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static InvalidConfigurationPropertyValueException findCause(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidConfigurationPropertyValueException invalid) {
				return invalid;
			}
		}
		throw new AssertionError("No InvalidConfigurationPropertyValueException in " + failure);
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static CnosDbRegistryConfig config(String database, boolean autoCreate) {
		return (key) -> switch (key) {
			case "cnosdb.database" -> database;
			case "cnosdb.autoCreateDb" -> String.valueOf(autoCreate);
			case "cnosdb.enabled" -> "false";
			default -> null;
		};
	}

	@Configuration(proxyBeanMethods = false)
	static class TwoClients {

		@Bean
		CnosHttpClient firstClient() {
			return CnosHttpClient.builder().url("http://localhost:8902").build();
		}

		@Bean
		CnosHttpClient secondClient() {
			return CnosHttpClient.builder().url("http://localhost:8903").build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnRegistry {

		@Bean
		CnosDbMeterRegistry ownRegistry(CnosHttpClient client) {
			return CnosDbMeterRegistry.builder(config("own_metrics", true))
				.template(io.cnosdb.spring.core.CnosTemplate.builder().httpClient(client).build())
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnConfig {

		@Bean
		CnosDbRegistryConfig ownConfig() {
			return config("own_metrics", false);
		}

	}

}
