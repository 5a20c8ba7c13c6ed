package io.cnosdb.spring.autoconfigure.health;

import io.cnosdb.spring.autoconfigure.CnosDbAutoConfiguration;
import io.cnosdb.spring.autoconfigure.CnosDbProperties;
import io.cnosdb.spring.core.CnosTemplate;

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
 * Auto-configuration of a {@link CnosDbHealthIndicator} for every {@link CnosTemplate}
 * bean: one indicator for one template, a composite keyed by bean name for several. Needs
 * {@code spring-boot-health} (brought by the actuator starter); switched off with
 * {@code management.health.cnosdb.enabled=false}.
 */
@AutoConfiguration(after = CnosDbAutoConfiguration.class)
@ConditionalOnClass({ CnosTemplate.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(CnosTemplate.class)
@ConditionalOnEnabledHealthIndicator("cnosdb")
@EnableConfigurationProperties(CnosDbProperties.class)
public final class CnosDbHealthContributorAutoConfiguration
		extends CompositeHealthContributorConfiguration<CnosDbHealthIndicator, CnosTemplate> {

	CnosDbHealthContributorAutoConfiguration(CnosDbProperties properties) {
		super((template) -> new CnosDbHealthIndicator(template, properties.getHealth().getTimeout()));
	}

	@Bean
	@ConditionalOnMissingBean(name = { "cnosdbHealthIndicator", "cnosdbHealthContributor" })
	HealthContributor cnosdbHealthContributor(ConfigurableListableBeanFactory beanFactory) {
		return createContributor(beanFactory, CnosTemplate.class);
	}

}
