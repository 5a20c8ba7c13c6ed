package io.cnosdb.spring.autoconfigure.metrics;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import io.cnosdb.spring.metrics.CnosDbRegistryConfig;

/**
 * Adapts {@link CnosDbMetricsExportProperties} to the {@link CnosDbRegistryConfig} of a
 * {@link io.cnosdb.spring.metrics.CnosDbMeterRegistry}.
 */
class CnosDbPropertiesConfigAdapter implements CnosDbRegistryConfig {

	private final CnosDbMetricsExportProperties properties;

	CnosDbPropertiesConfigAdapter(CnosDbMetricsExportProperties properties) {
		this.properties = properties;
	}

	@Override
	public @Nullable String get(String key) {
		return null;
	}

	@Override
	public boolean enabled() {
		return this.properties.isEnabled();
	}

	@Override
	public Duration step() {
		return this.properties.getStep();
	}

	@Override
	public int batchSize() {
		return this.properties.getBatchSize();
	}

	@Override
	public String database() {
		return this.properties.getDatabase();
	}

	@Override
	public boolean autoCreateDb() {
		return this.properties.isAutoCreateDb();
	}

}
