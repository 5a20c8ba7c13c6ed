package io.cnosdb.spring.autoconfigure;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.core.write.CnosPrecision;
import io.cnosdb.spring.testsupport.CnosDbContextRunners;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code cnosdb.*} value that cannot work stops startup, and the report Spring Boot
 * prints names the property, the value and the rule. Before, most of these started and
 * failed later with a stack trace naming no property (a health timeout of 0s kept health
 * DOWN forever, port 99999 failed every call).
 */
class CnosDbPropertiesValidationTests {

	private final ApplicationContextRunner runner = CnosDbContextRunners.application();

	static Stream<Arguments> badSettings() {
		return Stream.of(bad("cnosdb.url=http://localhost:99999", "cnosdb.url", "port 99999 is out of range"),
				bad("cnosdb.url=localhost:8902", "cnosdb.url", "scheme 'localhost' is not supported"),
				bad("cnosdb.user=", "cnosdb.user", "must not be empty"),
				bad("cnosdb.database=db/1", "cnosdb.database", "must not contain '/'"),
				bad("cnosdb.database=", "cnosdb.database", "must not be empty"),
				bad("cnosdb.tenant=t/1", "cnosdb.tenant", "must not contain '/'"),
				bad("cnosdb.tenant=x\uD800", "cnosdb.tenant", "must not contain an unpaired surrogate"),
				bad("cnosdb.connect-timeout=0s", "cnosdb.connect-timeout", "must be longer than 0"),
				bad("cnosdb.read-timeout=-1s", "cnosdb.read-timeout", "must be longer than 0"),
				bad("cnosdb.read-timeout=30d", "cnosdb.read-timeout", "must be at most 2147483647ms"),
				bad("cnosdb.health.timeout=0s", "cnosdb.health.timeout", "must be longer than 0"),
				bad("cnosdb.health.timeout=-1s", "cnosdb.health.timeout", "must be longer than 0"),
				bad("cnosdb.max-connections=0", "cnosdb.max-connections", "must be greater than 0"),
				bad("cnosdb.query-timeout=0s", "cnosdb.query-timeout", "must be longer than 0"),
				bad("cnosdb.query-timeout=30d", "cnosdb.query-timeout", "must be at most"),
				bad("cnosdb.max-row-size=0B", "cnosdb.max-row-size", "must be greater than 0 bytes"),
				bad("cnosdb.max-row-size=4GB", "cnosdb.max-row-size", "must be at most 2047MB"),
				bad("cnosdb.max-rows=-1", "cnosdb.max-rows", "must be greater than 0"),
				bad("cnosdb.write.compression-level=0", "cnosdb.write.compression-level", "between 1 (fastest) and 9"),
				bad("cnosdb.write.compression-level=10", "cnosdb.write.compression-level", "between 1 (fastest) and 9"),
				bad("cnosdb.ssl.bundle=nope", "cnosdb.ssl.bundle", "is not defined"),
				bad("cnosdb.write.batch.size=0", "cnosdb.write.batch.size", "must be greater than 0"),
				bad("cnosdb.write.batch.size=200000", "cnosdb.write.batch.size",
						"must not exceed cnosdb.write.batch.buffer-limit (100000)"),
				bad("cnosdb.write.batch.max-bytes=0B", "cnosdb.write.batch.max-bytes", "must be greater than 0 bytes"),
				bad("cnosdb.write.batch.max-bytes=128MB", "cnosdb.write.batch.max-bytes",
						"must not exceed cnosdb.write.batch.buffer-limit-bytes"),
				bad("cnosdb.write.batch.buffer-limit=-1", "cnosdb.write.batch.buffer-limit", "must be greater than 0"),
				bad("cnosdb.write.batch.buffer-limit-bytes=-1B", "cnosdb.write.batch.buffer-limit-bytes",
						"must be greater than 0 bytes"),
				bad("cnosdb.write.batch.flush-interval=0ms", "cnosdb.write.batch.flush-interval",
						"must be longer than 0"),
				bad("cnosdb.write.batch.max-retries=-1", "cnosdb.write.batch.max-retries", "must not be negative"),
				bad("cnosdb.write.batch.retry-backoff-initial=-1s", "cnosdb.write.batch.retry-backoff-initial",
						"must not be negative"),
				bad("cnosdb.write.batch.retry-backoff-max=100ms", "cnosdb.write.batch.retry-backoff-max",
						"must not be shorter than cnosdb.write.batch.retry-backoff-initial (200ms)"),
				bad("cnosdb.write.batch.block-timeout=-1s", "cnosdb.write.batch.block-timeout", "must not be negative"),
				bad("cnosdb.write.batch.close-timeout=-5s", "cnosdb.write.batch.close-timeout", "must not be negative"),
				bad("cnosdb.write.batch.close-timeout=365d", "cnosdb.write.batch.close-timeout", "must be at most"),
				bad("cnosdb.write.default-tags.host=", "cnosdb.write.default-tags.host", "tag value must not be empty"),
				bad("cnosdb.write.default-tags.host=a\\b", "cnosdb.write.default-tags.host",
						"has a backslash followed by 'b'"));
	}

	private static Arguments bad(String setting, String property, String rule) {
		return Arguments.of(setting, property, rule);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badSettings")
	void badSettingStopsStartupWithAReportNamingPropertyValueAndRule(String setting, String property, String rule) {
		String value = setting.substring(setting.indexOf('=') + 1);
		this.runner.withPropertyValues(setting).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis report = report(context.getStartupFailure(), setting);
			assertThat(report).as("the report Spring Boot prints").isNotNull();
			assertThat(report.getDescription()).contains(property).contains("'" + value + "'").contains(rule);
		});
	}

	@Test
	void valuesAreReportedAsConfigured() {
		// Spring Boot's report shows the value where it was set, not as bound (PT-1S).
		this.runner.withPropertyValues("cnosdb.health.timeout=-1s").run((context) -> {
			InvalidConfigurationPropertyValueException failure = findCause(context.getStartupFailure(),
					InvalidConfigurationPropertyValueException.class);
			assertThat(failure.getName()).isEqualTo("cnosdb.health.timeout");
			assertThat(failure.getReason()).isEqualTo("must be longer than 0");
			assertThat(report(context.getStartupFailure(), "cnosdb.health.timeout=-1s").getDescription())
				.startsWith("Invalid value '-1s' for configuration property 'cnosdb.health.timeout'");
		});
	}

	@Test
	void aUserHoldingAPasswordIsReportedWithoutTheValue() {
		// "root:S3cret-Pw" in cnosdb.user is a password in the wrong property.
		String setting = "cnosdb.user=root:S3cret-Pw";
		this.runner.withPropertyValues(setting).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis report = report(context.getStartupFailure(), setting);
			assertThat(report.getDescription())
				.startsWith("Invalid value '******' for configuration property 'cnosdb.user'")
				.contains("must not contain ':'")
				.doesNotContain("S3cret-Pw");
			for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
				assertThat(cause.toString()).doesNotContain("S3cret-Pw");
			}
		});
	}

	@Test
	void invalidPasswordIsReportedWithoutTheValue() {
		String setting = "cnosdb.password=S3cr3t\uDC00";
		this.runner.withPropertyValues(setting).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis report = report(context.getStartupFailure(), setting);
			assertThat(report.getDescription())
				.startsWith("Invalid value '******' for configuration property 'cnosdb.password'")
				.contains("must not contain an unpaired surrogate (one at index 6)")
				.doesNotContain("S3cr3t");
			for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
				assertThat(cause.toString()).doesNotContain("S3cr3t");
			}
		});
	}

	@Test
	void hugeValuesAreCutShortInMessages() {
		// Spring Boot's own report shows the value as configured; our messages show 200
		// chars.
		String huge = "d".repeat(1 << 20);
		this.runner.withPropertyValues("cnosdb.database=" + huge + "/").run((context) -> {
			InvalidConfigurationPropertyValueException failure = findCause(context.getStartupFailure(),
					InvalidConfigurationPropertyValueException.class);
			assertThat(failure.getMessage()).contains("…(1048577 chars)").hasSizeLessThan(1_000);
		});
		this.runner.withPropertyValues("cnosdb.url=http://" + huge + ":99999").run((context) -> {
			InvalidConfigurationPropertyValueException failure = findCause(context.getStartupFailure(),
					InvalidConfigurationPropertyValueException.class);
			assertThat(failure.getName()).isEqualTo("cnosdb.url");
			assertThat(failure.getMessage()).contains("…(1048589 chars)").hasSizeLessThan(1_000);
		});
	}

	@Test
	void aUserHoldingAPasswordAndAnotherFaultIsReportedWithoutTheValue() {
		// Before, the first fault found ('/', not the ':') printed the user as
		// configured.
		String setting = "cnosdb.user=root:S3cret/Pw";
		this.runner.withPropertyValues(setting).run((context) -> {
			FailureAnalysis report = report(context.getStartupFailure(), setting);
			assertThat(report.getDescription()).contains("'cnosdb.user'").doesNotContain("S3cret");
			assertThat(report.getAction()).doesNotContain("S3cret");
		});
	}

	@Test
	void precisionBindsCaseInsensitively() {
		for (String value : List.of("ms", "MS", "Ms")) {
			this.runner.withPropertyValues("cnosdb.write.precision=" + value).run((context) -> {
				assertThat(context.getBean(CnosDbProperties.class).getWrite().getPrecision())
					.isEqualTo(CnosPrecision.MS);
				assertThat(context.getBean(CnosTemplate.class).getWritePrecision()).isEqualTo(CnosPrecision.MS);
			});
		}
		this.runner.withPropertyValues("cnosdb.write.precision=us")
			.run((context) -> assertThat(context.getBean(CnosTemplate.class).getWritePrecision())
				.isEqualTo(CnosPrecision.US));
	}

	@Test
	void unsupportedPrecisionGetsSpringBootsReportListingTheValidValues() {
		// CnosDB would silently read any other value as nanoseconds.
		String setting = "cnosdb.write.precision=s";
		this.runner.withPropertyValues(setting).run((context) -> {
			assertThat(context).hasFailed();
			BindException failure = findCause(context.getStartupFailure(), BindException.class);
			assertThat(failure.getName()).hasToString("cnosdb.write.precision");
			assertThat(findCause(failure, ConversionFailedException.class).getTargetType().getType())
				.isEqualTo(CnosPrecision.class);
			FailureAnalysis report = report(context.getStartupFailure(), setting);
			assertThat(report.getDescription()).contains("cnosdb.write.precision")
				.contains("Value: \"s\"")
				.contains(CnosPrecision.class.getName());
			assertThat(report.getAction()).contains("The following values are valid:")
				.contains("NS")
				.contains("US")
				.contains("MS");
		});
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "cnosdb.connect-timeout=100000000000d", "cnosdb.connect-timeout=9223372036854775807s",
			"cnosdb.health.timeout=9223372036854775807s" })
	void aTimeoutBeyondAnyConversionIsReportedNotOverflowed(String setting) {
		// Duration.toNanos() overflows on the first, Duration.toMillis() on the others.
		this.runner.withPropertyValues(setting).run((context) -> {
			assertThat(context).hasFailed();
			for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
				assertThat(cause).isNotInstanceOf(ArithmeticException.class);
			}
			assertThat(report(context.getStartupFailure(), setting).getDescription())
				.contains("'" + setting.substring(0, setting.indexOf('=')) + "'")
				.contains("must be at most 2147483647ms");
		});
	}

	@Test
	void boundaryValuesStart() {
		this.runner
			.withPropertyValues("cnosdb.write.batch.enabled=true", "cnosdb.write.batch.size=10",
					"cnosdb.write.batch.buffer-limit=10", "cnosdb.write.batch.max-bytes=1MB",
					"cnosdb.write.batch.buffer-limit-bytes=1MB", "cnosdb.write.batch.max-retries=0",
					"cnosdb.write.batch.retry-backoff-initial=0s", "cnosdb.write.batch.retry-backoff-max=0s",
					"cnosdb.write.batch.block-timeout=0s", "cnosdb.write.batch.close-timeout=0s",
					"cnosdb.write.compression-level=9", "cnosdb.health.timeout=1ms", "cnosdb.read-timeout=24d",
					"cnosdb.user=a b", "cnosdb.password=", "cnosdb.database=气象", "cnosdb.url=http://localhost:65535")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(CnosTemplate.class));
	}

	/** The failure analysis Spring Boot would print, from the analyzers it would use. */
	private static FailureAnalysis report(Throwable failure, String setting) {
		StandardEnvironment environment = new StandardEnvironment();
		TestPropertyValues.of(setting).applyTo(environment);
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, ArgumentResolver.of(Environment.class, environment),
					FailureHandler.handleMessage((message, ex) -> {
					}));
		AnnotationAwareOrderComparator.sort(analyzers);
		for (FailureAnalyzer analyzer : analyzers) {
			FailureAnalysis analysis = analyzer.analyze(failure);
			if (analysis != null) {
				return analysis;
			}
		}
		return null;
	}

	private static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		throw new AssertionError("No " + type.getName() + " in " + failure);
	}

}
