package io.cnosdb.spring.autoconfigure.metrics;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import io.cnosdb.spring.core.sql.CnosSql;
import io.cnosdb.spring.core.support.CnosMessageValues;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.convert.DurationStyle;

/**
 * Configuration properties of the metrics export into CnosDB, under
 * {@code management.cnosdb.metrics.export}, named as Spring Boot names those of its push
 * registries. Requests go through the auto-configured CnosDB client, so its URL, SSL
 * bundle, credentials, tenant, timeouts and write precision ({@code cnosdb.*}) apply;
 * there are no timeouts of the export's own. Once bound, every value is checked, and one
 * that cannot work stops startup with a report naming the property, the value and the
 * rule.
 */
@ConfigurationProperties("management.cnosdb.metrics.export")
public class CnosDbMetricsExportProperties implements InitializingBean {

	private static final String PREFIX = "management.cnosdb.metrics.export.";

	/**
	 * Whether to export metrics to CnosDB. Off unless set, as the export creates a
	 * database and writes into it.
	 */
	private boolean enabled = false;

	/**
	 * Step size (reporting frequency) to use; counts and sums are those of one step.
	 */
	private Duration step = Duration.ofMinutes(1);

	/**
	 * Number of meters per write request to use. If more meters are found, then multiple
	 * requests will be made.
	 */
	private int batchSize = 10000;

	/**
	 * Database to write metrics to, in the tenant of cnosdb.tenant.
	 */
	private String database = "metrics";

	/**
	 * Whether to create the database, if it does not exist, at startup (and before a push
	 * until that succeeds).
	 */
	private boolean autoCreateDb = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getStep() {
		return this.step;
	}

	public void setStep(Duration step) {
		this.step = step;
	}

	public int getBatchSize() {
		return this.batchSize;
	}

	public void setBatchSize(int batchSize) {
		this.batchSize = batchSize;
	}

	public String getDatabase() {
		return this.database;
	}

	public void setDatabase(String database) {
		this.database = database;
	}

	public boolean isAutoCreateDb() {
		return this.autoCreateDb;
	}

	public void setAutoCreateDb(boolean autoCreateDb) {
		this.autoCreateDb = autoCreateDb;
	}

	@Override
	public void afterPropertiesSet() {
		if (this.step == null || this.step.compareTo(Duration.ofMillis(1)) < 0) {
			throw invalid("step", (this.step != null) ? print(this.step) : "", "must be at least 1ms");
		}
		if (this.batchSize <= 0) {
			throw invalid("batch-size", this.batchSize, "must be greater than 0");
		}
		try {
			CnosSql.validateName("database", this.database);
		}
		catch (IllegalArgumentException ex) {
			throw invalid("database", this.database, ex.getMessage());
		}
	}

	/**
	 * The duration in the simple style, in nanoseconds where milliseconds would round it.
	 */
	private static String print(Duration duration) {
		ChronoUnit unit = (duration.getNano() % 1_000_000 == 0) ? ChronoUnit.MILLIS : ChronoUnit.NANOS;
		return DurationStyle.SIMPLE.print(duration, unit);
	}

	private static InvalidConfigurationPropertyValueException invalid(String property, Object value, String reason) {
		return new InvalidConfigurationPropertyValueException(PREFIX + property,
				CnosMessageValues.abbreviate(String.valueOf(value)), reason);
	}

}
