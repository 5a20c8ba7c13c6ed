package io.cnosdb.spring.autoconfigure.health;

import io.cnosdb.spring.autoconfigure.CnosDbAutoConfiguration;
import io.cnosdb.spring.autoconfigure.CnosDbProperties;
import io.cnosdb.spring.core.CnosOperations;
import io.cnosdb.spring.core.http.CnosHttpClient;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.CompositeHealthContributorConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of a {@link CnosDbHealthIndicator} for every {@link CnosHttpClient}
 * bean, checking the configured database and tenant ({@code cnosdb.database},
 * {@code cnosdb.tenant}): one indicator for one client, a composite keyed by bean name
 * for several. It needs the client alone, so it stays when the application defines its
 * own {@link CnosOperations}. Needs {@code spring-boot-health} (brought by the actuator
 * starter); switched off with {@code management.health.cnosdb.enabled=false}.
 */
@AutoConfiguration(after = CnosDbAutoConfiguration.class)
@ConditionalOnClass({ CnosHttpClient.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(CnosHttpClient.class)
@ConditionalOnEnabledHealthIndicator("cnosdb")
@EnableConfigurationProperties(CnosDbProperties.class)
public final class CnosDbHealthContributorAutoConfiguration
		extends CompositeHealthContributorConfiguration<CnosDbHealthIndicator, CnosHttpClient> {

	CnosDbHealthContributorAutoConfiguration(CnosDbProperties properties) {
		super((client) -> new CnosDbHealthIndicator(client, properties.getDatabase(), properties.getTenant(),
				properties.getHealth().getTimeout()));
	}

	@Bean
	@ConditionalOnMissingBean(name = { "cnosdbHealthIndicator", "cnosdbHealthContributor" })
	HealthContributor cnosdbHealthContributor(ConfigurableListableBeanFactory beanFactory) {
		return createContributor(beanFactory, CnosHttpClient.class);
	}

}
