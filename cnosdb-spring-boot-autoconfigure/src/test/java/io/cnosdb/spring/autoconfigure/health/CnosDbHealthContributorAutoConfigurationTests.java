package io.cnosdb.spring.autoconfigure.health;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cnosdb.spring.autoconfigure.CnosDbProperties;
import io.cnosdb.spring.core.CnosOperations;
import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.core.http.CnosHttpClient;
import io.cnosdb.spring.testsupport.CnosDbContextRunners;
import io.cnosdb.spring.testsupport.MockCnosDb;

import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.cnosdb.spring.testsupport.RecordedAnswers.recorded;
import static io.cnosdb.spring.testsupport.RecordedAnswers.recordedBuilder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link CnosDbHealthContributorAutoConfiguration}: when the indicator exists,
 * one per HTTP client, and that the auto-configured client's ping honours
 * {@code cnosdb.health.timeout} with Spring Boot's detected HTTP client.
 */
class CnosDbHealthContributorAutoConfigurationTests {

	private final ApplicationContextRunner runner = CnosDbContextRunners.application();

	/** The version in the answer of {@code ping}. */
	private static final String PING_VERSION = "2.4.2, revision c6a177786a823ff5b3cd991464e898fb7b413cad";

	private final MockCnosDb server = new MockCnosDb();

	@AfterEach
	void stopServer() throws Exception {
		this.server.close();
	}

	private void enqueueHealthy() {
		this.server.enqueue(recorded("ping"));
		// The answer to the validation statement the indicator runs after the ping.
		this.server.enqueue(recorded("health-statement"));
	}

	@Test
	void indicatorForTheAutoConfiguredClient() {
		enqueueHealthy();
		this.runner.withPropertyValues("cnosdb.url=" + this.server.url()).run((context) -> {
			assertThat(context).hasSingleBean(CnosDbHealthIndicator.class).hasBean("cnosdbHealthContributor");
			Health health = context.getBean(CnosDbHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("version", PING_VERSION);
		});
	}

	@Test
	void validatesOnTheConfiguredDatabaseAndTenant() {
		enqueueHealthy();
		this.runner.withPropertyValues("cnosdb.url=" + this.server.url(), "cnosdb.database=ocean", "cnosdb.tenant=acme")
			.run((context) -> {
				assertThat(context.getBean(CnosDbHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
				this.server.takeRequest();
				RecordedRequest validation = this.server.takeRequest();
				assertThat(validation.getUrl().queryParameter("db")).isEqualTo("ocean");
				assertThat(validation.getUrl().queryParameter("tenant")).isEqualTo("acme");
			});
	}

	@Test
	void staysWhenTheApplicationDefinesItsOwnOperations() {
		enqueueHealthy();
		this.runner.withPropertyValues("cnosdb.url=" + this.server.url())
			.withBean(CnosOperations.class, () -> mock(CnosOperations.class))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(CnosTemplate.class).hasSingleBean(CnosHttpClient.class);
				assertThat(context.getBean(CnosDbHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
			});
	}

	@Test
	void healthTimeoutBoundsThePingWhileTheReadTimeoutIsLong() {
		this.server.enqueue(recordedBuilder("ping").headersDelay(5, TimeUnit.SECONDS).build());
		this.runner
			.withPropertyValues("cnosdb.url=" + this.server.url(), "cnosdb.read-timeout=60s",
					"cnosdb.health.timeout=300ms")
			.run((context) -> {
				long start = System.nanoTime();
				Health health = context.getBean(CnosDbHealthIndicator.class).health();
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat((String) health.getDetails().get("reason")).contains("did not answer in time");
			});
	}

	@Test
	void healthTimeoutDefaultsToTwoSeconds() {
		this.runner.run((context) -> assertThat(context.getBean(CnosDbProperties.class).getHealth().getTimeout())
			.isEqualTo(Duration.ofSeconds(2)));
	}

	@Test
	void noIndicatorWhenDisabled() {
		this.runner.withPropertyValues("management.health.cnosdb.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(CnosTemplate.class)
				.doesNotHaveBean(CnosDbHealthIndicator.class)
				.doesNotHaveBean("cnosdbHealthContributor"));
	}

	@Test
	void noIndicatorWhenHealthDefaultsAreDisabled() {
		this.runner.withPropertyValues("management.health.defaults.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("cnosdbHealthContributor"));
	}

	@Test
	void startsWithoutSpringBootHealth() {
		this.runner.withClassLoader(new FilteredClassLoader(ConditionalOnEnabledHealthIndicator.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(CnosTemplate.class)
				.doesNotHaveBean("cnosdbHealthContributor"));
	}

	@Test
	void skippedByClassNameWhenSpringBootHealthIsAbsent() throws IOException {
		// Without the spring-boot-health jar an application never loads the health
		// auto-configuration: Spring Boot filters it on these class names before loading
		// it.
		java.util.Properties metadata = new java.util.Properties();
		try (java.io.InputStream in = getClass()
			.getResourceAsStream("/META-INF/spring-autoconfigure-metadata.properties")) {
			metadata.load(in);
		}
		assertThat(
				metadata.getProperty(CnosDbHealthContributorAutoConfiguration.class.getName() + ".ConditionalOnClass"))
			.contains(ConditionalOnEnabledHealthIndicator.class.getName());
	}

	@Test
	void noIndicatorWithoutAClient() {
		this.runner.withClassLoader(new FilteredClassLoader(org.springframework.web.client.RestClient.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("cnosdbHealthContributor"));
	}

	@Test
	void compositeKeyedByBeanNameForSeveralClients() {
		enqueueHealthy();
		this.server.enqueue(recorded("ping-not-found"));
		this.runner.withPropertyValues("cnosdb.url=" + this.server.url())
			.withUserConfiguration(TwoClients.class)
			.run((context) -> {
				HealthContributor contributor = context.getBean("cnosdbHealthContributor", HealthContributor.class);
				assertThat(contributor).isInstanceOf(CompositeHealthContributor.class);
				CompositeHealthContributor composite = (CompositeHealthContributor) contributor;
				assertThat(composite.stream().map(HealthContributors.Entry::name)).containsExactlyInAnyOrder("primary",
						"archive");
				List<Status> statuses = composite.stream()
					.map((entry) -> ((HealthIndicator) entry.contributor()).health().getStatus())
					.toList();
				assertThat(statuses).containsExactlyInAnyOrder(Status.UP, Status.DOWN);
			});
	}

	@Test
	void userDefinedIndicatorReplacesTheAutoConfiguredOne() {
		this.runner.withBean("cnosdbHealthIndicator", HealthIndicator.class, () -> () -> Health.up().build())
			.run((context) -> assertThat(context).doesNotHaveBean("cnosdbHealthContributor")
				.doesNotHaveBean(CnosDbHealthIndicator.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class TwoClients {

		@Bean
		CnosHttpClient primary(CnosDbProperties properties) {
			return CnosHttpClient.builder().url(properties.getUrl()).build();
		}

		@Bean
		CnosHttpClient archive(CnosDbProperties properties) {
			return CnosHttpClient.builder().url(properties.getUrl()).build();
		}

	}

}
