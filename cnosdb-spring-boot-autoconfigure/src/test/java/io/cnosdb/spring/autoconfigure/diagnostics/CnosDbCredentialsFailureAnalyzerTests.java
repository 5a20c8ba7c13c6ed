package io.cnosdb.spring.autoconfigure.diagnostics;

import java.util.Map;
import java.util.function.BiConsumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.cnosdb.spring.testsupport.CnosDbContextRunners;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginTrackedValue;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.boot.origin.TextResourceOrigin.Location;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CnosDbCredentialsFailureAnalyzer}: the startup failures of an unusable
 * URL, user or password, analysed as Spring Boot would print them, never with a
 * credential; other failures are left to Spring Boot's analyzers.
 */
class CnosDbCredentialsFailureAnalyzerTests {

	private final ApplicationContextRunner runner = CnosDbContextRunners.application();

	private FailureAnalysis analyze(String... properties) {
		FailureAnalysis[] analysis = new FailureAnalysis[1];
		failWith(properties, (failure,
				environment) -> analysis[0] = new CnosDbCredentialsFailureAnalyzer(environment).analyze(failure));
		assertThat(analysis[0]).as("analysis").isNotNull();
		return analysis[0];
	}

	/**
	 * Starts a context with the properties, and hands its failure and an environment
	 * holding them, as the one Spring Boot gives analyzers, to the consumer.
	 */
	private void failWith(String[] properties, BiConsumer<Throwable, Environment> failure) {
		StandardEnvironment environment = new StandardEnvironment();
		TestPropertyValues.of(properties).applyTo(environment);
		this.runner.withPropertyValues(properties).run((context) -> {
			assertThat(context).hasFailed();
			failure.accept(context.getStartupFailure(), environment);
		});
	}

	@Test
	void urlWithoutScheme() {
		FailureAnalysis analysis = analyze("cnosdb.url=localhost:8902");
		assertThat(analysis.getDescription())
			.startsWith("Invalid value 'localhost:8902' for configuration property 'cnosdb.url'");
		assertThat(analysis.getAction())
			.startsWith("Set cnosdb.url to the server's HTTP API, such as http://localhost:8902");
	}

	@Test
	void urlWithUnsupportedScheme() {
		assertThat(analyze("cnosdb.url=grpc://localhost:8904").getDescription())
			.contains("scheme 'grpc' is not supported");
	}

	@Test
	void unparseableUrlDoesNotRepeatTheUserInfo() {
		FailureAnalysis analysis = analyze("cnosdb.url=http://root:pa ss@local host:8902");
		assertThat(analysis.getDescription()).contains("is not a valid URI")
			.contains("http://******@local host:8902")
			.doesNotContain("pa ss");
	}

	@Test
	void urlWithUserInformation() {
		FailureAnalysis analysis = analyze("cnosdb.url=http://root:hunter2@localhost:8902");
		assertThat(analysis.getDescription()).contains("cnosdb.user and cnosdb.password").doesNotContain("hunter2");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://root:S3cr3t/pw@cnosdb.example:8902", "http://root:S3cr3t@cnosdb.example/x@y",
			"http://root:S3cr3t@pw@cnosdb.example", "root:S3cr3t@cnosdb.example:8902",
			"http://root:S3cr3t/pw@cnosdb.example:8902/?db=x", "https://root:S3cr3t/p w@cnosdb.example" })
	void passwordHoldingSlashOrAtNeverReachesTheReport(String url) {
		// A URI parser reads "root:S3cr3t" of the first as host and port: no parsed user
		// information, yet the URL holds a password ("S3cr3t/pw"), which the report
		// printed twice.
		failWith(new String[] { "cnosdb.url=" + url }, (failure, environment) -> {
			FailureAnalysis analysis = new CnosDbCredentialsFailureAnalyzer(environment).analyze(failure);
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("cnosdb.url").contains("******@").doesNotContain("S3cr3t");
			assertThat(analysis.getAction()).doesNotContain("S3cr3t");
			for (Throwable cause = analysis.getCause(); cause != null; cause = cause.getCause()) {
				assertThat(cause.toString()).doesNotContain("S3cr3t");
			}
		});
	}

	@Test
	void portOutOfRange() {
		FailureAnalysis analysis = analyze("cnosdb.url=http://localhost:99999");
		assertThat(analysis.getDescription())
			.contains("'http://localhost:99999' for configuration property 'cnosdb.url'")
			.contains("port 99999 is out of range; a port is between 1 and 65535");
	}

	@Test
	void urlWithAQuery() {
		assertThat(analyze("cnosdb.url=http://localhost:8902/?db=ocean").getDescription())
			.contains("cnosdb.database and cnosdb.tenant");
	}

	@Test
	void emptyUrl() {
		assertThat(analyze("cnosdb.url= ").getDescription()).contains("it is empty");
	}

	@Test
	void passwordIsMaskedWhereverTheExceptionCameFrom() {
		InvalidConfigurationPropertyValueException failure = new InvalidConfigurationPropertyValueException(
				"cnosdb.password", "S3cr3t", "is wrong");
		MockEnvironment environment = new MockEnvironment();
		Origin origin = new TextResourceOrigin(new ClassPathResource("application.properties"), new Location(2, 0));
		environment.getPropertySources()
			.addFirst(new OriginTrackedMapPropertySource("application.properties",
					Map.of("cnosdb.password", OriginTrackedValue.of("S3cr3t", origin))));
		FailureAnalysis analysis = new CnosDbCredentialsFailureAnalyzer(environment).analyze(failure);
		assertThat(analysis.getDescription())
			.startsWith("Invalid value '******' for configuration property 'cnosdb.password' (originating from "
					+ "'class path resource [application.properties] - 3:1')")
			.endsWith("is wrong")
			.doesNotContain("S3cr3t");
		assertThat(analysis.getAction())
			.isEqualTo("Set cnosdb.password to the password of cnosdb.user, or to an empty value for none.");
	}

	@Test
	void unknownSslBundleIsLeftToSpringBoot() {
		// Its value holds no credential, so Spring Boot's own report (value as
		// configured,
		// where it was set) applies; the reason says what to do.
		failWith(new String[] { "cnosdb.ssl.bundle=nope" }, (failure, environment) -> {
			assertThat(new CnosDbCredentialsFailureAnalyzer(environment).analyze(failure)).isNull();
			InvalidConfigurationPropertyValueException cause = findCause(failure);
			assertThat(cause.getName()).isEqualTo("cnosdb.ssl.bundle");
			assertThat(cause.getReason())
				.startsWith("names an SSL bundle that is not defined (no SSL bundle is defined at all)")
				.contains("spring.ssl.bundle.pem.nope");
		});
	}

	@Test
	void unsupportedPrecisionIsLeftToSpringBoot() {
		failWith(new String[] { "cnosdb.write.precision=s" },
				(failure, environment) -> assertThat(new CnosDbCredentialsFailureAnalyzer(environment).analyze(failure))
					.isNull());
	}

	@Test
	void otherFailuresAreLeftToOtherAnalyzers() {
		assertThat(new CnosDbCredentialsFailureAnalyzer(null).analyze(new IllegalStateException("x"))).isNull();
		assertThat(new CnosDbCredentialsFailureAnalyzer(null)
			.analyze(new InvalidConfigurationPropertyValueException("cnosdb.database", "a/b", "must not contain '/'")))
			.isNull();
	}

	@Test
	void registeredForSpringBootAheadOfItsOwnAnalyzer() {
		// Spring Boot's own analyzers need constructor arguments; only ours matters here.
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, null, SpringFactoriesLoader.FailureHandler.handleMessage((message, ex) -> {
			}))).hasAtLeastOneElementOfType(CnosDbCredentialsFailureAnalyzer.class);
		assertThat(new CnosDbCredentialsFailureAnalyzer(null).getOrder()).isEqualTo(Ordered.HIGHEST_PRECEDENCE);
	}

	private static InvalidConfigurationPropertyValueException findCause(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidConfigurationPropertyValueException invalid) {
				return invalid;
			}
		}
		throw new AssertionError("No InvalidConfigurationPropertyValueException in " + failure);
	}

}
