package io.cnosdb.spring.autoconfigure;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;

import io.cnosdb.spring.core.batch.CnosBatchWriter;
import io.cnosdb.spring.core.batch.CnosBatchWriterListener;
import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.core.batch.CnosWriteFailureHandler;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of a {@link CnosBatchWriter} when
 * {@code cnosdb.write.batch.enabled=true}: it writes through the {@link CnosTemplate},
 * hands batches that finally fail to the application's {@link CnosWriteFailureHandler}
 * bean (by default one that logs them), reports to every {@link CnosBatchWriterListener}
 * bean and, with Micrometer, to the {@link MeterRegistry}; it is closed, writing what it
 * holds, when the context shuts down.
 */
@AutoConfiguration(after = CnosDbAutoConfiguration.class)
@ConditionalOnClass(CnosTemplate.class)
@ConditionalOnBooleanProperty("cnosdb.write.batch.enabled")
public final class CnosDbBatchWriterAutoConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	@ConditionalOnSingleCandidate(CnosTemplate.class)
	CnosBatchWriter cnosBatchWriter(CnosTemplate template, CnosDbProperties properties,
			ObjectProvider<CnosWriteFailureHandler> failureHandler, ObjectProvider<CnosBatchWriterListener> listeners) {
		CnosDbProperties.Batch batch = properties.getWrite().getBatch();
		return CnosBatchWriter.builder(template)
			.batchSize(batch.getSize())
			.maxBatchBytes((int) Math.min(Integer.MAX_VALUE - 8, batch.getMaxBytes().toBytes()))
			.bufferLimit(batch.getBufferLimit())
			.bufferLimitBytes(batch.getBufferLimitBytes().toBytes())
			.flushInterval(batch.getFlushInterval())
			.maxRetries(batch.getMaxRetries())
			.retryBackoff(batch.getRetryBackoffInitial(), batch.getRetryBackoffMax())
			.backpressure(batch.getBackpressure())
			.blockTimeout(batch.getBlockTimeout())
			.closeTimeout(batch.getCloseTimeout())
			.precision(template.getWritePrecision())
			.failureHandler(failureHandler.getIfAvailable(CnosWriteFailureHandler::logging))
			.listener(new CompositeListener(listeners.orderedStream().toList()))
			.build();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		CnosBatchWriterMetrics cnosBatchWriterMetrics(ObjectProvider<MeterRegistry> registry) {
			return new CnosBatchWriterMetrics(registry);
		}

	}

	private record CompositeListener(List<CnosBatchWriterListener> listeners) implements CnosBatchWriterListener {

		@Override
		public void writerStarted(CnosBatchWriter writer) {
			this.listeners.forEach((listener) -> listener.writerStarted(writer));
		}

		@Override
		public void batchWritten(int points, int bytes) {
			this.listeners.forEach((listener) -> listener.batchWritten(points, bytes));
		}

		@Override
		public void batchRetried(int points, Throwable cause) {
			this.listeners.forEach((listener) -> listener.batchRetried(points, cause));
		}

		@Override
		public void batchFailed(int points, Throwable cause) {
			this.listeners.forEach((listener) -> listener.batchFailed(points, cause));
		}

	}

}
