package io.cnosdb.spring.autoconfigure;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import io.cnosdb.spring.core.CnosOperations;
import io.cnosdb.spring.core.CnosWriteOperations;
import io.cnosdb.spring.core.batch.CnosBatchWriter;
import io.cnosdb.spring.core.batch.spool.SpoolSettings;
import io.cnosdb.spring.core.batch.CnosBatchWriterListener;
import io.cnosdb.spring.core.batch.CnosWriteFailureHandler;
import io.cnosdb.spring.core.observation.CnosBatchObservationConvention;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of a {@link CnosBatchWriter} when
 * {@code cnosdb.write.batch.enabled=true}: it writes through the single
 * {@link CnosWriteOperations} bean (the auto-configured template, or the application's
 * own {@link CnosOperations} when that writes too), hands batches that finally fail to
 * the application's {@link CnosWriteFailureHandler} bean (by default one that logs them),
 * reports to every {@link CnosBatchWriterListener} bean and, with Micrometer and a
 * {@link MeterRegistry}, to {@link CnosDbBatchWriterMetrics}; it observes each batch in
 * the application's {@link ObservationRegistry}, with the application's
 * {@link CnosBatchObservationConvention} if it has one; it is closed, writing what it
 * holds, when the context shuts down.
 */
@AutoConfiguration(after = CnosDbAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(CnosBatchWriter.class)
@ConditionalOnBooleanProperty("cnosdb.write.batch.enabled")
@ConditionalOnSingleCandidate(CnosWriteOperations.class)
public final class CnosDbBatchWriterAutoConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	CnosBatchWriter cnosBatchWriter(CnosWriteOperations operations, CnosDbProperties properties,
			ObjectProvider<CnosWriteFailureHandler> failureHandler, ObjectProvider<CnosBatchWriterListener> listeners,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<CnosBatchObservationConvention> observationConvention) {
		CnosDbBatchProperties batch = properties.getWrite().getBatch();
		CnosBatchWriter.Builder writer = CnosBatchWriter.builder(operations)
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
			.precision(operations.getWritePrecision())
			.defaultTags(properties.getWrite().getDefaultTags())
			.failureHandler(failureHandler.getIfAvailable(CnosWriteFailureHandler::logging))
			.listener(new CompositeListener(listeners.orderedStream().toList()))
			.observationRegistry(observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP));
		observationConvention.ifAvailable(writer::observationConvention);
		SpoolSettings spool = batch.getSpool().toSettings();
		if (spool != null) {
			writer.spool(spool);
		}
		return writer.build();
	}

	/**
	 * The meters of the auto-configured writer; none when the application has a writer of
	 * its own.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	@ConditionalOnMissingBean(CnosBatchWriter.class)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		CnosDbBatchWriterMetrics cnosDbBatchWriterMetrics(CnosWriteOperations operations, CnosDbProperties properties) {
			return new CnosDbBatchWriterMetrics(operations,
					properties.getWrite().getBatch().getSpool().getDir() != null);
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

		@Override
		public void pointsDropped(long points) {
			this.listeners.forEach((listener) -> listener.pointsDropped(points));
		}

	}

}
