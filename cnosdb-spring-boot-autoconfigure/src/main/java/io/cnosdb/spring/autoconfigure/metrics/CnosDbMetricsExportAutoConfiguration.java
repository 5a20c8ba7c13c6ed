package io.cnosdb.spring.autoconfigure.metrics;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.step.StepMeterRegistry;

import io.cnosdb.spring.autoconfigure.CnosDbAutoConfiguration;
import io.cnosdb.spring.autoconfigure.CnosDbProperties;
import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.core.http.CnosHttpClient;
import io.cnosdb.spring.metrics.CnosDbMeterRegistry;
import io.cnosdb.spring.metrics.CnosDbRegistryConfig;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of a {@link CnosDbMeterRegistry} that exports the application's
 * meters into CnosDB when {@code management.cnosdb.metrics.export.enabled=true}, ordered
 * as Spring Boot orders its push registries: after the metrics auto-configuration, whose
 * {@link Clock} it uses, and before the composite and simple registries, so that it joins
 * the composite and the simple registry backs off.
 * <p>
 * It writes through the single {@link CnosHttpClient} bean, so that the connection's SSL
 * bundle, credentials and timeouts apply, into the database
 * {@code management.cnosdb.metrics.export.database} of {@code cnosdb.tenant}, timestamps
 * in {@code cnosdb.write.precision}. The client is asked for only once every singleton
 * exists: it is built on Spring Boot's {@code RestClient.Builder}, whose observations
 * need the meter registries, this one included. Then the database is created, unless
 * {@code auto-create-db=false}. Each bean backs off when the application defines its own.
 */
@AutoConfiguration(after = CnosDbAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
		beforeName = {
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass({ StepMeterRegistry.class, CnosDbMeterRegistry.class })
@ConditionalOnBean(Clock.class)
@ConditionalOnSingleCandidate(CnosHttpClient.class)
@ConditionalOnBooleanProperty("management.cnosdb.metrics.export.enabled")
@EnableConfigurationProperties({ CnosDbMetricsExportProperties.class, CnosDbProperties.class })
public final class CnosDbMetricsExportAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CnosDbRegistryConfig cnosDbRegistryConfig(CnosDbMetricsExportProperties properties) {
		return new CnosDbPropertiesConfigAdapter(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	CnosDbMeterRegistry cnosDbMeterRegistry(CnosDbRegistryConfig config, Clock clock,
			ObjectProvider<CnosHttpClient> httpClient, CnosDbProperties properties) {
		return CnosDbMeterRegistry.builder(config)
			.clock(clock)
			.template(() -> CnosTemplate.builder()
				.httpClient(httpClient.getObject())
				.tenant(properties.getTenant())
				.writePrecision(properties.getWrite().getPrecision())
				.build())
			.build();
	}

	/**
	 * Creates the database of every {@link CnosDbMeterRegistry} bean that wants it, once
	 * every singleton exists; a failure is logged, and the next push tries again.
	 */
	@Bean
	SmartInitializingSingleton cnosDbMetricsDatabaseCreator(ObjectProvider<CnosDbMeterRegistry> registries) {
		return () -> registries.orderedStream().forEach(CnosDbMeterRegistry::createDatabaseIfMissing);
	}

}
