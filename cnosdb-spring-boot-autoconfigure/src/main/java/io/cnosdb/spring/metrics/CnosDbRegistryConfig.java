package io.cnosdb.spring.metrics;

import io.micrometer.core.instrument.config.validate.Validated;
import io.micrometer.core.instrument.step.StepRegistryConfig;

import static io.micrometer.core.instrument.config.MeterRegistryConfigValidator.checkAll;
import static io.micrometer.core.instrument.config.MeterRegistryConfigValidator.checkRequired;
import static io.micrometer.core.instrument.config.validate.PropertyValidator.getBoolean;
import static io.micrometer.core.instrument.config.validate.PropertyValidator.getString;

/**
 * Configuration of a {@link CnosDbMeterRegistry}, in the manner of Micrometer's registry
 * configurations: {@link #step()} (how often meters are pushed, one minute by default),
 * {@link #batchSize()} (most meters per write request, 10,000 by default),
 * {@link #enabled()}, and the database to write to. Where, as whom and with which
 * timeouts requests go is the {@link io.cnosdb.spring.core.CnosTemplate}'s own setting,
 * so this configuration has no URL, credentials or timeouts.
 */
public interface CnosDbRegistryConfig extends StepRegistryConfig {

	/** A configuration of defaults only: database {@code metrics}, created if missing. */
	CnosDbRegistryConfig DEFAULT = (key) -> null;

	@Override
	default String prefix() {
		return "cnosdb";
	}

	/**
	 * The database meters are written to, in the template's tenant; {@code metrics}
	 * unless set.
	 */
	default String database() {
		return getString(this, "database").orElse("metrics");
	}

	/**
	 * Whether the registry creates the database when it is missing
	 * ({@code CREATE DATABASE IF NOT EXISTS}); {@code true} unless set.
	 */
	default boolean autoCreateDb() {
		return getBoolean(this, "autoCreateDb").orElse(true);
	}

	@Override
	default Validated<?> validate() {
		return checkAll(this, (config) -> StepRegistryConfig.validate(config),
				checkRequired("database", CnosDbRegistryConfig::database));
	}

}
