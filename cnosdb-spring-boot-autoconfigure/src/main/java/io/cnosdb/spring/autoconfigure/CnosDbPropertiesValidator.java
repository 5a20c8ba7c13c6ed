package io.cnosdb.spring.autoconfigure;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Collections;

import org.jspecify.annotations.Nullable;

import io.cnosdb.spring.core.support.CnosTimeouts;
import io.cnosdb.spring.core.support.CnosMessageValues;
import io.cnosdb.spring.core.sql.CnosSql;
import io.cnosdb.spring.core.write.DefaultTags;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.context.properties.source.MutuallyExclusiveConfigurationPropertiesException;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.unit.DataSize;

/**
 * Checks every {@code cnosdb.*} property once it is bound, so that a value that cannot
 * work stops startup with a report naming the property, its value and the rule, instead
 * of a stack trace from deep inside the client, or a health check that is DOWN forever.
 * <p>
 * Failures are {@link InvalidConfigurationPropertyValueException}s, which Spring Boot
 * reports with the value as configured and where it came from. A password is never
 * carried: its failures hold {@value #MASKED} as the value, as do those of a user holding
 * a {@code :} (often {@code user:password} in one property), and
 * {@link io.cnosdb.spring.autoconfigure.diagnostics.CnosDbCredentialsFailureAnalyzer}
 * reports them without looking the value up. {@code cnosdb.url} and
 * {@code cnosdb.ssl.bundle} are checked where they are used, as a connection details bean
 * may replace them, but {@code cnosdb.url} and {@code cnosdb.urls} set together fail
 * here, with a {@link MutuallyExclusiveConfigurationPropertiesException};
 * {@code cnosdb.write.precision} is checked by binding it to
 * {@link io.cnosdb.spring.core.write.CnosPrecision}.
 */
final class CnosDbPropertiesValidator {

	/**
	 * The longest timeout a socket takes (milliseconds in an {@code int}); longer ones
	 * overflow.
	 */
	private static final Duration MAX_DURATION = Duration.ofMillis(Integer.MAX_VALUE);

	/** The largest buffer a row can be read into: an array of up to 2 GiB. */
	private static final DataSize MAX_ROW_SIZE = DataSize.ofMegabytes(2047);

	private static final int MIN_COMPRESSION_LEVEL = 1;

	private static final int MAX_COMPRESSION_LEVEL = 9;

	/** What failures show instead of a value that may be a password. */
	private static final String MASKED = "******";

	private CnosDbPropertiesValidator() {
	}

	static void validate(CnosDbProperties properties) {
		MutuallyExclusiveConfigurationPropertiesException.throwIfMultipleNonNullValuesIn((entries) -> {
			entries.put("cnosdb.url", properties.getConfiguredUrl());
			entries.put("cnosdb.urls", properties.getUrls().isEmpty() ? null : properties.getUrls());
		});
		validateUser(properties.getUser());
		validatePassword(properties.getPassword());
		validateName("cnosdb.database", "database", properties.getDatabase());
		validateName("cnosdb.tenant", "tenant", properties.getTenant());
		requirePositive("cnosdb.connect-timeout", properties.getConnectTimeout());
		requirePositive("cnosdb.read-timeout", properties.getReadTimeout());
		requirePositive("cnosdb.health.timeout", properties.getHealth().getTimeout());
		requirePositive("cnosdb.max-connections", properties.getMaxConnections());
		requirePositive("cnosdb.query-timeout", properties.getQueryTimeout());
		requirePositive("cnosdb.max-row-size", properties.getMaxRowSize());
		if (properties.getMaxRowSize().compareTo(MAX_ROW_SIZE) > 0) {
			throw invalid("cnosdb.max-row-size", properties.getMaxRowSize(),
					"must be at most 2047MB, the largest array a JVM allocates");
		}
		requirePositive("cnosdb.max-rows", properties.getMaxRows());
		validateWrite(properties.getWrite());
		validateBatch(properties.getWrite().getBatch());
		validateFailover(properties.getFailover());
	}

	private static void validateFailover(CnosDbFailoverProperties failover) {
		requirePositive("cnosdb.failover.backoff-initial", failover.getBackoffInitial());
		requirePositive("cnosdb.failover.backoff-max", failover.getBackoffMax());
		if (failover.getBackoffMax().compareTo(failover.getBackoffInitial()) < 0) {
			throw invalid("cnosdb.failover.backoff-max", print(failover.getBackoffMax()),
					"must not be shorter than cnosdb.failover.backoff-initial (" + print(failover.getBackoffInitial())
							+ ")");
		}
		requireNotNegative("cnosdb.failover.backoff-jitter", failover.getBackoffJitter());
		requirePositive("cnosdb.failover.probe-timeout", failover.getProbeTimeout());
	}

	private static void validateUser(@Nullable String user) {
		// Checked first: whatever else is wrong, such a value is not shown.
		if (user != null && user.indexOf(':') >= 0) {
			throw new InvalidConfigurationPropertyValueException("cnosdb.user", MASKED,
					"must not contain ':', where HTTP Basic authentication splits the user from the password");
		}
		validateName("cnosdb.user", "user", user);
	}

	private static void validatePassword(@Nullable String password) {
		if (password == null) {
			throw new InvalidConfigurationPropertyValueException("cnosdb.password", MASKED,
					"is not set; set it to an empty value for none");
		}
		int surrogate = CnosSql.indexOfUnpairedSurrogate(password);
		if (surrogate >= 0) {
			throw new InvalidConfigurationPropertyValueException("cnosdb.password", MASKED,
					"must not contain an unpaired surrogate (one at index " + surrogate
							+ "), which is not valid UTF-8 and would be sent as '?'");
		}
	}

	private static void validateName(String property, String kind, @Nullable String name) {
		requireSet(property, name);
		try {
			CnosSql.validateName(kind, name);
		}
		catch (IllegalArgumentException ex) {
			throw invalid(property, name, ex.getMessage());
		}
	}

	private static void validateWrite(CnosDbWriteProperties write) {
		requireSet("cnosdb.write.compression", write.getCompression());
		int level = write.getCompressionLevel();
		if (level < MIN_COMPRESSION_LEVEL || level > MAX_COMPRESSION_LEVEL) {
			throw invalid("cnosdb.write.compression-level", level, "must be between " + MIN_COMPRESSION_LEVEL
					+ " (fastest) and " + MAX_COMPRESSION_LEVEL + " (smallest)");
		}
		requireSet("cnosdb.write.precision", write.getPrecision());
		write.getDefaultTags().forEach(CnosDbPropertiesValidator::validateDefaultTag);
	}

	/**
	 * A default tag is checked as the encoder checks every tag, once here rather than on
	 * the first point written.
	 */
	private static void validateDefaultTag(String name, String value) {
		try {
			DefaultTags.of(Collections.singletonMap(name, value));
		}
		catch (IllegalArgumentException ex) {
			boolean plain = name.chars().allMatch((c) -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
			String property = "cnosdb.write.default-tags" + (plain ? "." + name : ".[" + name + "]");
			throw invalid(property, value, ex.getMessage());
		}
	}

	private static void validateBatch(CnosDbBatchProperties batch) {
		requirePositive("cnosdb.write.batch.size", batch.getSize());
		requirePositive("cnosdb.write.batch.max-bytes", batch.getMaxBytes());
		requirePositive("cnosdb.write.batch.buffer-limit", batch.getBufferLimit());
		requirePositive("cnosdb.write.batch.buffer-limit-bytes", batch.getBufferLimitBytes());
		if (batch.getSize() > batch.getBufferLimit()) {
			throw invalid("cnosdb.write.batch.size", batch.getSize(),
					"must not exceed cnosdb.write.batch.buffer-limit (" + batch.getBufferLimit()
							+ "): a batch is part of the buffer");
		}
		if (batch.getMaxBytes().compareTo(batch.getBufferLimitBytes()) > 0) {
			throw invalid("cnosdb.write.batch.max-bytes", batch.getMaxBytes(),
					"must not exceed cnosdb.write.batch.buffer-limit-bytes (" + batch.getBufferLimitBytes()
							+ "): a batch is part of the buffer");
		}
		requirePositive("cnosdb.write.batch.flush-interval", batch.getFlushInterval());
		if (batch.getMaxRetries() < 0) {
			throw invalid("cnosdb.write.batch.max-retries", batch.getMaxRetries(),
					"must not be negative (0 for no " + "retries)");
		}
		requireNotNegative("cnosdb.write.batch.retry-backoff-initial", batch.getRetryBackoffInitial());
		requireNotNegative("cnosdb.write.batch.retry-backoff-max", batch.getRetryBackoffMax());
		if (batch.getRetryBackoffMax().compareTo(batch.getRetryBackoffInitial()) < 0) {
			throw invalid("cnosdb.write.batch.retry-backoff-max", print(batch.getRetryBackoffMax()),
					"must not be shorter than cnosdb.write.batch.retry-backoff-initial ("
							+ print(batch.getRetryBackoffInitial()) + ")");
		}
		requireSet("cnosdb.write.batch.backpressure", batch.getBackpressure());
		requireNotNegative("cnosdb.write.batch.block-timeout", batch.getBlockTimeout());
		requireNotNegative("cnosdb.write.batch.close-timeout", batch.getCloseTimeout());
	}

	private static void requirePositive(String property, int value) {
		if (value <= 0) {
			throw invalid(property, value, "must be greater than 0");
		}
	}

	private static void requirePositive(String property, @Nullable DataSize value) {
		requireSet(property, value);
		if (value.toBytes() <= 0) {
			throw invalid(property, value, "must be greater than 0 bytes");
		}
	}

	private static void requirePositive(String property, @Nullable Duration value) {
		requireSet(property, value);
		if (value.isNegative() || value.isZero()) {
			throw invalid(property, print(value), "must be longer than 0");
		}
		requireAtMostMax(property, value);
	}

	private static void requireNotNegative(String property, @Nullable Duration value) {
		requireSet(property, value);
		if (value.isNegative()) {
			throw invalid(property, print(value), "must not be negative");
		}
		requireAtMostMax(property, value);
	}

	private static void requireAtMostMax(String property, Duration value) {
		if (value.compareTo(MAX_DURATION) > 0) {
			throw invalid(property, print(value),
					"must be at most " + print(MAX_DURATION) + " (about 24 days), the longest timeout a socket takes");
		}
	}

	private static void requireSet(String property, @Nullable Object value) {
		if (value == null) {
			throw invalid(property, "", "must be set");
		}
	}

	/**
	 * The duration in the simple style: in milliseconds, or in seconds beyond the
	 * milliseconds a {@code long} holds, where printing milliseconds overflows.
	 */
	private static String print(Duration duration) {
		boolean millis = CnosTimeouts.millis(duration) < Long.MAX_VALUE;
		return DurationStyle.SIMPLE.print(duration, millis ? ChronoUnit.MILLIS : ChronoUnit.SECONDS);
	}

	private static InvalidConfigurationPropertyValueException invalid(String property, Object value, String reason) {
		// The exception's own message repeats the value.
		return new InvalidConfigurationPropertyValueException(property,
				CnosMessageValues.abbreviate(String.valueOf(value)), reason);
	}

}
