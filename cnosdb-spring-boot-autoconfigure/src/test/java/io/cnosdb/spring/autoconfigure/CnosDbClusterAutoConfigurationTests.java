package io.cnosdb.spring.autoconfigure;

import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.core.http.CnosHttpClient;
import io.cnosdb.spring.core.http.CnosNode;
import io.cnosdb.spring.testsupport.CnosDbContextRunners;
import io.cnosdb.spring.testsupport.MockCnosDb;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.context.properties.source.MutuallyExclusiveConfigurationPropertiesException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

import static io.cnosdb.spring.testsupport.RecordedAnswers.handWritten;
import static io.cnosdb.spring.testsupport.RecordedAnswers.recorded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code cnosdb.urls}: the nodes of a cluster in their order, each checked as
 * {@code cnosdb.url} is; not together with {@code cnosdb.url}, which fails startup with a
 * report naming both and where they were set; the failover settings; connection details
 * that name several nodes, or one as Testcontainers and Docker Compose do; and the meters
 * of the nodes.
 */
class CnosDbClusterAutoConfigurationTests {

	@RegisterExtension
	final MockCnosDb first = new MockCnosDb();

	@RegisterExtension
	final MockCnosDb second = new MockCnosDb();

	private final ApplicationContextRunner runner = CnosDbContextRunners.application();

	private String urls() {
		return "cnosdb.urls=" + this.first.url() + "," + this.second.url();
	}

	private static List<String> nodeUrls(CnosHttpClient client) {
		return client.nodes().stream().map(CnosNode::url).toList();
	}

	private static String trimmed(MockCnosDb db) {
		return db.url().replaceAll("/$", "");
	}

	@Test
	void theNodesOfCnosdbUrlsAreTriedInTheirOrder() {
		this.first.enqueue(handWritten("proxy-unavailable"));
		this.second.enqueue(recorded("select-1"));
		this.runner.withPropertyValues(urls()).run((context) -> {
			assertThat(nodeUrls(context.getBean(CnosHttpClient.class))).containsExactly(trimmed(this.first),
					trimmed(this.second));
			assertThat(context.getBean(CnosTemplate.class).queryForList("SELECT 1")).hasSize(1);
			assertThat(this.first.requestCount()).isOne();
			assertThat(this.second.requestCount()).isOne();
		});
	}

	@Test
	void customizersAndTheTemplatesScopeApplyOnEveryNode() {
		this.first.enqueue(handWritten("proxy-unavailable"));
		this.second.enqueue(recorded("select-1"));
		this.runner.withPropertyValues(urls())
			.withBean(CnosDbRestClientCustomizer.class,
					() -> (builder) -> builder.defaultHeader("X-Application", "air-service"))
			.run((context) -> {
				context.getBean(CnosTemplate.class).withDatabase("ocean").withTenant("acme").queryForList("SELECT 1");
				for (MockCnosDb node : List.of(this.first, this.second)) {
					RecordedRequest request = node.takeRequest();
					assertThat(request.getHeaders().get("X-Application")).isEqualTo("air-service");
					assertThat(request.getUrl().queryParameter("db")).isEqualTo("ocean");
					assertThat(request.getUrl().queryParameter("tenant")).isEqualTo("acme");
				}
			});
	}

	@Test
	void oneUrlInCnosdbUrlsIsOneServer() {
		this.runner.withPropertyValues("cnosdb.urls=" + this.first.url())
			.run((context) -> assertThat(nodeUrls(context.getBean(CnosHttpClient.class)))
				.containsExactly(trimmed(this.first)));
	}

	@Test
	void cnosdbUrlAndCnosdbUrlsTogetherStopStartupWithAReportNamingBoth() {
		this.runner.withPropertyValues("cnosdb.url=http://localhost:8902", urls()).run((context) -> {
			assertThat(context).hasFailed();
			MutuallyExclusiveConfigurationPropertiesException failure = findCause(context.getStartupFailure(),
					MutuallyExclusiveConfigurationPropertiesException.class);
			assertThat(failure.getConfiguredNames()).containsExactlyInAnyOrder("cnosdb.url", "cnosdb.urls");
			FailureAnalysis report = report(context.getStartupFailure());
			assertThat(report.getDescription()).contains("mutually exclusive", "\tcnosdb.url", "\tcnosdb.urls")
				.doesNotContain(this.first.url());
			assertThat(report.getAction()).contains("cnosdb.urls alone", "cnosdb.url alone");
		});
	}

	@Test
	void theReportFindsWhereAListOfUrlsWasSetEntryByEntry() throws Exception {
		// YAML sets a list entry by entry, cnosdb.urls[0] and cnosdb.urls[1], where
		// Spring Boot's own report looks for cnosdb.urls alone and gives up.
		String yaml = """
				cnosdb:
				  url: http://localhost:8902
				  urls:
				    - http://10.0.0.1:8902
				    - http://10.0.0.2:8902
				""";
		StandardEnvironment environment = new StandardEnvironment();
		new YamlPropertySourceLoader()
			.load("application.yaml", new ByteArrayResource(yaml.getBytes(), "application.yaml"))
			.forEach(environment.getPropertySources()::addFirst);
		this.runner
			.withPropertyValues("cnosdb.url=http://localhost:8902", "cnosdb.urls[0]=http://10.0.0.1:8902",
					"cnosdb.urls[1]=http://10.0.0.2:8902")
			.run((context) -> {
				FailureAnalysis report = report(context.getStartupFailure(), environment);
				assertThat(report.getDescription())
					.contains("\tcnosdb.url (originating from 'Byte array resource [application.yaml] - 2:8')")
					.contains("\tcnosdb.urls (originating from 'Byte array resource [application.yaml] - 4:7')");
			});
	}

	@Test
	void anEntryOfCnosdbUrlsThatCannotWorkIsReportedByItsIndex() {
		this.runner.withPropertyValues("cnosdb.urls=" + this.first.url() + ",localhost:8912").run((context) -> {
			InvalidConfigurationPropertyValueException failure = findCause(context.getStartupFailure(),
					InvalidConfigurationPropertyValueException.class);
			assertThat(failure.getName()).isEqualTo("cnosdb.urls[1]");
			assertThat(failure.getReason()).contains("scheme 'localhost' is not supported");
			FailureAnalysis report = report(context.getStartupFailure());
			assertThat(report.getDescription())
				.startsWith("Invalid value 'localhost:8912' for configuration property 'cnosdb.urls[1]'");
			assertThat(report.getAction()).startsWith("Set each entry of cnosdb.urls to the HTTP API of one node");
		});
	}

	@Test
	void aNodeNamedTwiceIsReported() {
		this.runner.withPropertyValues("cnosdb.urls=" + this.first.url() + "," + this.first.url().toUpperCase())
			.run((context) -> {
				InvalidConfigurationPropertyValueException failure = findCause(context.getStartupFailure(),
						InvalidConfigurationPropertyValueException.class);
				assertThat(failure.getName()).isEqualTo("cnosdb.urls[1]");
				assertThat(failure.getReason()).contains("names the same node as cnosdb.urls[0]");
			});
	}

	@Test
	void userInformationInAnEntryIsNeverShown() {
		this.runner.withPropertyValues("cnosdb.urls=" + this.first.url() + ",http://root:S3cret@localhost:8912")
			.run((context) -> {
				FailureAnalysis report = report(context.getStartupFailure());
				assertThat(report.getDescription()).contains("'cnosdb.urls[1]'").doesNotContain("S3cret");
				for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
					assertThat(cause.toString()).doesNotContain("S3cret");
				}
			});
	}

	@Test
	void failoverSettingsThatCannotWorkStopStartup() {
		Map.of("cnosdb.failover.backoff-initial=0s", "must be longer than 0", "cnosdb.failover.backoff-max=500ms",
				"must not be shorter than cnosdb.failover.backoff-initial (1000ms)",
				"cnosdb.failover.backoff-jitter=-1s", "must not be negative", "cnosdb.failover.probe-timeout=0s",
				"must be longer than 0")
			.forEach((setting, rule) -> this.runner.withPropertyValues(setting).run((context) -> {
				InvalidConfigurationPropertyValueException failure = findCause(context.getStartupFailure(),
						InvalidConfigurationPropertyValueException.class);
				assertThat(failure.getName()).isEqualTo(setting.substring(0, setting.indexOf('=')));
				assertThat(failure.getReason()).isEqualTo(rule);
			}));
	}

	@Test
	void connectionDetailsMayNameSeveralNodes() {
		this.runner.withUserConfiguration(ClusterConnectionDetails.class)
			.run((context) -> assertThat(nodeUrls(context.getBean(CnosHttpClient.class)))
				.containsExactly("http://10.0.0.1:8902", "http://10.0.0.2:8902"));
	}

	@Test
	void connectionDetailsOfOneUrlAreOneServerAsServiceConnectionsGiveThem() {
		this.runner.withUserConfiguration(OneUrlConnectionDetails.class)
			.run((context) -> assertThat(nodeUrls(context.getBean(CnosHttpClient.class)))
				.containsExactly("http://127.0.0.1:32790"));
	}

	@Test
	void theNodesOfAClusterHaveMeters() throws Exception {
		String refusing;
		try (MockCnosDb gone = new MockCnosDb()) {
			refusing = gone.url();
		}
		this.second.enqueue(recorded("write"));
		this.runner.withPropertyValues("cnosdb.urls=" + refusing + "," + this.second.url()).run((context) -> {
			MeterRegistry registry = new SimpleMeterRegistry();
			context.getBean(CnosDbNodeMetrics.class).bindTo(registry);
			context.getBean(CnosTemplate.class).writeLines(List.of("air v=1 1"));
			String down = refusing.replaceAll("/$", "");
			assertThat(registry.get("cnosdb.client.node.available").tag("node", down).gauge().value()).isZero();
			assertThat(registry.get("cnosdb.client.node.available").tag("node", trimmed(this.second)).gauge().value())
				.isOne();
			assertThat(registry.get("cnosdb.client.failovers").tag("node", down).functionCounter().count()).isOne();
			assertThat(
					registry.get("cnosdb.client.failovers").tag("node", trimmed(this.second)).functionCounter().count())
				.isZero();
		});
	}

	@Test
	void oneServerHasNoNodeMeters() {
		this.runner.withPropertyValues("cnosdb.url=" + this.first.url()).run((context) -> {
			MeterRegistry registry = new SimpleMeterRegistry();
			context.getBean(CnosDbNodeMetrics.class).bindTo(registry);
			assertThat(registry.getMeters()).isEmpty();
		});
	}

	private static FailureAnalysis report(Throwable failure) {
		return report(failure, new StandardEnvironment());
	}

	/** The failure analysis Spring Boot would print, from the analyzers it would use. */
	private static FailureAnalysis report(Throwable failure, Environment environment) {
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, ArgumentResolver.of(Environment.class, environment),
					FailureHandler.handleMessage((message, ex) -> {
					}));
		AnnotationAwareOrderComparator.sort(analyzers);
		for (FailureAnalyzer analyzer : analyzers) {
			FailureAnalysis analysis = analyzer.analyze(failure);
			if (analysis != null) {
				return analysis;
			}
		}
		throw new AssertionError("No failure analyzer reports " + failure);
	}

	private static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		throw new AssertionError("No " + type.getName() + " in " + failure);
	}

	@Configuration(proxyBeanMethods = false)
	static class ClusterConnectionDetails {

		@Bean
		CnosDbConnectionDetails clusterConnectionDetails() {
			return new CnosDbConnectionDetails() {

				@Override
				public String getUrl() {
					return "http://10.0.0.1:8902";
				}

				@Override
				public List<String> getUrls() {
					return List.of("http://10.0.0.1:8902", "http://10.0.0.2:8902");
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OneUrlConnectionDetails {

		@Bean
		CnosDbConnectionDetails serviceConnectionDetails() {
			return () -> "http://127.0.0.1:32790";
		}

	}

}
