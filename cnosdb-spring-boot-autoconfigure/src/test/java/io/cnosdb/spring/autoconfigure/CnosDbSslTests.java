package io.cnosdb.spring.autoconfigure;

import java.io.InputStream;
import java.security.KeyStore;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cnosdb.spring.core.http.CnosPing;
import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.core.http.CnosNode;
import io.cnosdb.spring.testsupport.CnosDbContextRunners;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.dao.DataAccessResourceFailureException;

import static io.cnosdb.spring.testsupport.RecordedAnswers.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for TLS: {@code cnosdb.ssl.bundle} reaches the template's and the ping's HTTP
 * client, a connection details bean can carry its own bundle, and an undefined bundle
 * fails at startup. The loopback server presents a self-signed certificate that only the
 * test bundle trusts.
 */
class CnosDbSslTests {

	private static final String TRUST_BUNDLE = "spring.ssl.bundle.pem.cnos.truststore.certificate=classpath:ssl/server.crt";

	private final ApplicationContextRunner runner = CnosDbContextRunners.application();

	private MockWebServer server;

	@BeforeEach
	void startHttpsServer() throws Exception {
		KeyStore keyStore = KeyStore.getInstance("PKCS12");
		try (InputStream in = getClass().getResourceAsStream("/ssl/server.p12")) {
			keyStore.load(in, "secret".toCharArray());
		}
		KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keyManagers.init(keyStore, "secret".toCharArray());
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(keyManagers.getKeyManagers(), null, null);
		this.server = new MockWebServer();
		this.server.useHttps(context.getSocketFactory());
		this.server.start();
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	private String httpsUrl() {
		return "https://localhost:" + this.server.getPort();
	}

	private void enqueueDatabases() {
		this.server.enqueue(recorded("show-databases"));
	}

	private void enqueuePing() {
		this.server.enqueue(recorded("ping"));
	}

	@Test
	void bundleIsUsedForStatementsAndPings() {
		enqueueDatabases();
		enqueuePing();
		this.runner.withPropertyValues("cnosdb.url=" + httpsUrl(), "cnosdb.ssl.bundle=cnos", TRUST_BUNDLE)
			.run((context) -> {
				CnosTemplate template = context.getBean(CnosTemplate.class);
				assertThat(template.listDatabases()).containsExactly("cluster_schema", "public", "usage_schema");
				assertThat(template.ping(java.time.Duration.ofSeconds(2)))
					.isEqualTo(new CnosPing("2.4.2, revision c6a177786a823ff5b3cd991464e898fb7b413cad", "healthy"));
			});
	}

	@Test
	void bundleIsUsedOnEveryNodeOfACluster() throws Exception {
		// The first node refuses connections: the statement goes on to the second, over
		// TLS trusted through the same bundle.
		String refusing = "https://localhost:" + freePort();
		enqueueDatabases();
		this.runner
			.withPropertyValues("cnosdb.urls=" + refusing + "," + httpsUrl(), "cnosdb.ssl.bundle=cnos", TRUST_BUNDLE)
			.run((context) -> {
				CnosTemplate template = context.getBean(CnosTemplate.class);
				assertThat(template.listDatabases()).containsExactly("cluster_schema", "public", "usage_schema");
				assertThat(template.getHttpClient().nodes()).extracting(CnosNode::isAvailable)
					.containsExactly(false, true);
			});
		assertThat(this.server.getRequestCount()).isOne();
	}

	private static int freePort() throws java.io.IOException {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@Test
	void withoutTheBundleTheSelfSignedServerIsNotTrusted() {
		enqueueDatabases();
		this.runner.withPropertyValues("cnosdb.url=" + httpsUrl(), TRUST_BUNDLE)
			.run((context) -> assertThatExceptionOfType(DataAccessResourceFailureException.class)
				.isThrownBy(() -> context.getBean(CnosTemplate.class).listDatabases())
				.withMessageContaining("Cannot reach CnosDB at " + httpsUrl()));
	}

	@Test
	void undefinedBundleFailsAtStartupNamingTheDefinedOnes() {
		this.runner.withPropertyValues("cnosdb.url=" + httpsUrl(), "cnosdb.ssl.bundle=missing", TRUST_BUNDLE)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(org.springframework.boot.ssl.NoSuchSslBundleException.class);
				InvalidConfigurationPropertyValueException failure = findCause(context.getStartupFailure(),
						InvalidConfigurationPropertyValueException.class);
				assertThat(failure.getValue()).isEqualTo("missing");
				assertThat(failure.getName()).isEqualTo("cnosdb.ssl.bundle");
				assertThat(failure.getReason())
					.startsWith("names an SSL bundle that is not defined (defined bundles: cnos)");
			});
	}

	@Test
	void bundleNameWithoutSslAutoConfigurationFails() {
		CnosDbContextRunners.cnosDbAlone()
			.withPropertyValues("cnosdb.ssl.bundle=cnos")
			.run((context) -> assertThat(
					findCause(context.getStartupFailure(), InvalidConfigurationPropertyValueException.class)
						.getReason())
				.contains("no SSL bundle is defined at all"));
	}

	@Test
	void connectionDetailsCarryTheirOwnBundle() {
		enqueueDatabases();
		this.runner.withPropertyValues(TRUST_BUNDLE, "cnosdb.ssl.bundle=ignored-as-details-win")
			.withBean("cnosDetails", CnosDbConnectionDetails.class, ConnectionDetailsWithBundle::new)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(PropertiesCnosDbConnectionDetails.class);
				assertThat(context.getBean(CnosTemplate.class).listDatabases()).containsExactly("cluster_schema",
						"public", "usage_schema");
			});
	}

	private static <E extends Throwable> E findCause(Throwable failure, Class<E> type) {
		Throwable candidate = failure;
		while (candidate != null) {
			if (type.isInstance(candidate)) {
				return type.cast(candidate);
			}
			candidate = candidate.getCause();
		}
		throw new AssertionError("No " + type.getSimpleName() + " in " + failure);
	}

	/**
	 * Details that, like a service connection, bring the bundle instead of naming one.
	 */
	private final class ConnectionDetailsWithBundle
			implements CnosDbConnectionDetails, org.springframework.context.ApplicationContextAware {

		private SslBundles bundles;

		@Override
		public void setApplicationContext(org.springframework.context.ApplicationContext context) {
			this.bundles = context.getBean(SslBundles.class);
		}

		@Override
		public String getUrl() {
			return httpsUrl();
		}

		@Override
		public SslBundle getSslBundle() {
			return this.bundles.getBundle("cnos");
		}

	}

}
