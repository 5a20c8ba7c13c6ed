package io.cnosdb.spring.testsupport;

import java.util.Locale;
import java.util.function.Function;

import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.testcontainers.CnosDbContainer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * The real CnosDB that integration tests run against, as a JUnit extension on a static
 * field: <pre class="code">
 * &#64;RegisterExtension
 * static final CnosDbServer cnosdb = new CnosDbServer();
 * </pre>
 * <ol>
 * <li>A running server of your own, named by {@code CNOSDB_URL} (with
 * {@code CNOSDB_USER}, default {@code root}, and {@code CNOSDB_PASSWORD}, default empty),
 * each read from a system property of that name first
 * ({@code ./mvnw verify -DCNOSDB_URL=http://127.0.0.1:8902}) and from the environment
 * second.</li>
 * <li>Otherwise a {@link CnosDbContainer} of {@code cnosdb/cnosdb:community-latest},
 * started for the test class, where a Docker daemon answers.</li>
 * <li>With neither, the test class is skipped with a reason that says how to run it; the
 * {@link SkippedTestsReport} prints it on the console.</li>
 * </ol>
 * Tests share a server of their own with other users: each class works in databases of
 * its own and drops them afterwards.
 */
public final class CnosDbServer implements ExecutionCondition, BeforeAllCallback, AfterAllCallback {

	/** The reason a test class is skipped without a server. */
	public static final String NO_SERVER = "No CnosDB to test against: set CNOSDB_URL (and CNOSDB_USER, "
			+ "CNOSDB_PASSWORD) to a running server, as a system property (-DCNOSDB_URL=http://127.0.0.1:8902) "
			+ "or an environment variable, or run where a Docker daemon answers";

	private final Function<String, @Nullable String> settings;

	private @Nullable CnosDbContainer container;

	private @Nullable String version;

	/** A server found from system properties and the environment. */
	public CnosDbServer() {
		this(CnosDbServer::setting);
	}

	CnosDbServer(Function<String, @Nullable String> settings) {
		this.settings = settings;
	}

	/** The URL of a server of the user's own, or {@code null} where none is named. */
	public @Nullable String externalUrl() {
		String url = this.settings.apply("CNOSDB_URL");
		return (url != null && !url.isBlank()) ? url.strip() : null;
	}

	/**
	 * Whether the tests run against a server of the user's own rather than a container.
	 */
	public boolean isExternal() {
		return externalUrl() != null;
	}

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (isExternal()) {
			return ConditionEvaluationResult.enabled("CnosDB at " + externalUrl());
		}
		if (dockerAvailable()) {
			return ConditionEvaluationResult.enabled("CnosDB in a Docker container");
		}
		return ConditionEvaluationResult.disabled(NO_SERVER);
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		url();
	}

	@Override
	public synchronized void afterAll(ExtensionContext context) {
		if (this.container != null) {
			this.container.stop();
			this.container = null;
		}
	}

	/**
	 * The server's HTTP URL; starts the container on first use where there is no server
	 * of the user's own.
	 */
	public synchronized String url() {
		String external = externalUrl();
		if (external != null) {
			return external;
		}
		if (this.container == null) {
			CnosDbContainer started = new CnosDbContainer();
			started.start();
			this.container = started;
		}
		return this.container.getHttpUrl();
	}

	/** The user to connect as. */
	public String user() {
		String user = isExternal() ? this.settings.apply("CNOSDB_USER") : null;
		return (user != null && !user.isEmpty()) ? user : "root";
	}

	/** The user's password; may be empty. */
	public String password() {
		String password = isExternal() ? this.settings.apply("CNOSDB_PASSWORD") : null;
		return (password != null) ? password : "";
	}

	/**
	 * Whether the server is a CnosDB 2.3, whose answers differ from 2.4's in places the
	 * tests check (error codes, an empty 500 for a line-protocol syntax error,
	 * durations).
	 */
	public synchronized boolean isVersion23() {
		if (this.version == null) {
			// Asked once: tests consult it in many places, and the server does not
			// change.
			this.version = template().ping(java.time.Duration.ofSeconds(10)).version();
		}
		return this.version.startsWith("2.3");
	}

	/**
	 * A template connected to the server as the configured user, addressing database
	 * {@code public}.
	 */
	public CnosTemplate template() {
		return CnosTemplate.builder().url(url()).credentials(user(), password()).build();
	}

	/**
	 * Property values that point Spring Boot's auto-configured template at the server,
	 * for {@code ApplicationContextRunner.withPropertyValues}.
	 */
	public String[] properties() {
		return new String[] { "cnosdb.url=" + url(), "cnosdb.user=" + user(), "cnosdb.password=" + password() };
	}

	/**
	 * A name unique to this run, for databases, tables and users the tests create on a
	 * shared server: the prefix, then a random lower-case suffix.
	 */
	public static String uniqueName(String prefix) {
		return prefix + "_" + Long.toString(Math.abs(System.nanoTime() ^ Double.doubleToLongBits(Math.random())), 36)
			.toLowerCase(Locale.ROOT);
	}

	private static @Nullable String setting(String name) {
		String value = System.getProperty(name);
		return (value != null) ? value : System.getenv(name);
	}

}
