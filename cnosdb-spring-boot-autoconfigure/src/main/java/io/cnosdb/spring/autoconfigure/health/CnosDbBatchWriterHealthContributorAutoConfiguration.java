package io.cnosdb.spring.autoconfigure.health;

import io.cnosdb.spring.autoconfigure.CnosDbBatchWriterAutoConfiguration;
import io.cnosdb.spring.autoconfigure.CnosDbProperties;
import io.cnosdb.spring.core.batch.CnosBatchWriter;

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
 * Auto-configuration of a {@link CnosDbBatchWriterHealthIndicator} for every
 * {@link CnosBatchWriter} bean: one indicator for one writer, a composite keyed by bean
 * name for several. Needs {@code spring-boot-health}; switched off with
 * {@code management.health.cnosdb-batch-writer.enabled=false}.
 */
@AutoConfiguration(after = CnosDbBatchWriterAutoConfiguration.class)
@ConditionalOnClass({ CnosBatchWriter.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(CnosBatchWriter.class)
@ConditionalOnEnabledHealthIndicator("cnosdb-batch-writer")
@EnableConfigurationProperties(CnosDbProperties.class)
public final class CnosDbBatchWriterHealthContributorAutoConfiguration
		extends CompositeHealthContributorConfiguration<CnosDbBatchWriterHealthIndicator, CnosBatchWriter> {

	CnosDbBatchWriterHealthContributorAutoConfiguration(CnosDbProperties properties) {
		super((writer) -> new CnosDbBatchWriterHealthIndicator(writer,
				properties.getWrite().getBatch().getSpool().getStalledAfter()));
	}

	@Bean
	@ConditionalOnMissingBean(name = { "cnosdbBatchWriterHealthIndicator", "cnosdbBatchWriterHealthContributor" })
	HealthContributor cnosdbBatchWriterHealthContributor(ConfigurableListableBeanFactory beanFactory) {
		return createContributor(beanFactory, CnosBatchWriter.class);
	}

}
