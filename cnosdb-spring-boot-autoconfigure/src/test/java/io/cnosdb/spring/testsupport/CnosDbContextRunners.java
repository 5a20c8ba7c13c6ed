package io.cnosdb.spring.testsupport;

import io.cnosdb.spring.autoconfigure.CnosDbAutoConfiguration;
import io.cnosdb.spring.autoconfigure.CnosDbBatchWriterAutoConfiguration;
import io.cnosdb.spring.autoconfigure.health.CnosDbBatchWriterHealthContributorAutoConfiguration;
import io.cnosdb.spring.autoconfigure.health.CnosDbHealthContributorAutoConfiguration;
import io.cnosdb.spring.autoconfigure.metrics.CnosDbMetricsExportAutoConfiguration;
import io.cnosdb.spring.autoconfigure.schema.CnosDbSchemaInitializationAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The {@link ApplicationContextRunner}s of the auto-configuration tests: the one fixture
 * that says which auto-configurations a test context runs, so every test starts from what
 * an application gets.
 */
public final class CnosDbContextRunners {

	/**
	 * Every CnosDB auto-configuration: the client, its health indicator, the writer, the
	 * metrics export and the schema scripts.
	 */
	private static final AutoConfigurations CNOSDB = AutoConfigurations.of(CnosDbAutoConfiguration.class,
			CnosDbHealthContributorAutoConfiguration.class, CnosDbBatchWriterAutoConfiguration.class,
			CnosDbBatchWriterHealthContributorAutoConfiguration.class, CnosDbMetricsExportAutoConfiguration.class,
			CnosDbSchemaInitializationAutoConfiguration.class);

	/**
	 * What the CnosDB auto-configuration builds on in an application: SSL bundles, the
	 * HTTP client settings and detection, and the {@code RestClient.Builder}.
	 */
	private static final AutoConfigurations SPRING_BOOT = AutoConfigurations.of(SslAutoConfiguration.class,
			HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
			RestClientAutoConfiguration.class);

	private CnosDbContextRunners() {
	}

	/**
	 * A runner of every CnosDB auto-configuration with the Spring Boot ones it builds on,
	 * as in an application.
	 */
	public static ApplicationContextRunner application() {
		return cnosDbAlone().withConfiguration(SPRING_BOOT);
	}

	/**
	 * A runner of the CnosDB auto-configurations alone, for what they do without Spring
	 * Boot's HTTP client, RestClient and SSL auto-configurations.
	 */
	public static ApplicationContextRunner cnosDbAlone() {
		return new ApplicationContextRunner().withConfiguration(CNOSDB);
	}

}
