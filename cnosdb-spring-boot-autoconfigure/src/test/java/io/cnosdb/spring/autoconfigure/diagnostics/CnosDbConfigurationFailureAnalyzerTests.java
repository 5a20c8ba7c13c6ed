package io.cnosdb.spring.autoconfigure.diagnostics;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.cnosdb.spring.autoconfigure.CnosDbAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CnosDbConfigurationFailureAnalyzer}: the startup failures of unusable
 * settings, analysed as Spring Boot would print them.
 */
class CnosDbConfigurationFailureAnalyzerTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CnosDbAutoConfiguration.class, SslAutoConfiguration.class));

	private FailureAnalysis analyze(String... properties) {
		FailureAnalysis[] analysis = new FailureAnalysis[1];
		this.runner.withPropertyValues(properties).run((context) -> {
			assertThat(context).hasFailed();
			analysis[0] = new CnosDbConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
		});
		assertThat(analysis[0]).as("analysis").isNotNull();
		return analysis[0];
	}

	@Test
	void urlWithoutScheme() {
		FailureAnalysis analysis = analyze("cnosdb.url=localhost:8902");
		assertThat(analysis.getDescription()).startsWith("CnosDB URL 'localhost:8902' from cnosdb.url cannot be used");
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
		this.runner.withPropertyValues("cnosdb.url=" + url).run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			FailureAnalysis analysis = new CnosDbConfigurationFailureAnalyzer().analyze(failure);
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
		assertThat(analysis.getDescription()).contains("'http://localhost:99999' from cnosdb.url")
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
	void unknownSslBundle() {
		FailureAnalysis analysis = analyze("cnosdb.ssl.bundle=nope");
		assertThat(analysis.getDescription())
			.isEqualTo("SSL bundle 'nope' named by cnosdb.ssl.bundle is not defined (no SSL bundle is defined at all)");
		assertThat(analysis.getAction()).contains("spring.ssl.bundle.pem.nope").contains("cnosdb.ssl.bundle");
	}

	@Test
	void unsupportedPrecision() {
		FailureAnalysis analysis = analyze("cnosdb.write.precision=s");
		assertThat(analysis.getDescription()).startsWith("CnosDB write precision 's' from cnosdb.write.precision");
		assertThat(analysis.getAction()).isEqualTo(
				"Set cnosdb.write.precision to ns (nanoseconds, the default), us (microseconds) or ms (milliseconds).");
	}

	@Test
	void otherFailuresAreLeftToOtherAnalyzers() {
		assertThat(new CnosDbConfigurationFailureAnalyzer().analyze(new IllegalStateException("x"))).isNull();
	}

	@Test
	void registeredForSpringBoot() {
		// Spring Boot's own analyzers need constructor arguments; only ours matters here.
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, null, SpringFactoriesLoader.FailureHandler.handleMessage((message, ex) -> {
			}))).hasAtLeastOneElementOfType(CnosDbConfigurationFailureAnalyzer.class);
	}

}
