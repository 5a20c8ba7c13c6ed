package io.cnosdb.spring.autoconfigure.diagnostics;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * Reports an invalid {@code cnosdb.url} (or entry of {@code cnosdb.urls}),
 * {@code cnosdb.user} or {@code cnosdb.password}, properties whose values may hold a
 * credential, as Spring Boot reports an
 * {@link InvalidConfigurationPropertyValueException}, but without looking the value up:
 * Spring Boot's own analyzer prints the value as configured, which would print a
 * password, a {@code user:password} written into {@code cnosdb.user}, or a URL's user
 * information. This one shows the value the exception carries, which the
 * auto-configuration masked, with where the property was set and what to set it to. It
 * runs before Spring Boot's; other properties are left to Spring Boot's.
 */
class CnosDbCredentialsFailureAnalyzer extends AbstractFailureAnalyzer<InvalidConfigurationPropertyValueException>
		implements Ordered {

	private static final String PASSWORD = "cnosdb.password";

	private static final String MASKED = "******";

	/** The key of the action for any entry of {@code cnosdb.urls}. */
	private static final String NODE_URL = "cnosdb.urls[]";

	private static final Map<String, String> ACTIONS = Map.of("cnosdb.url",
			"Set cnosdb.url to the server's HTTP API, such as http://localhost:8902, or https://… when the server "
					+ "has TLS configured.",
			NODE_URL,
			"Set each entry of cnosdb.urls to the HTTP API of one node of the cluster, such as "
					+ "http://cnosdb-1:8902, or https://… when the nodes have TLS configured.",
			"cnosdb.user", "Set cnosdb.user to the user name alone and cnosdb.password to its password.", PASSWORD,
			"Set cnosdb.password to the password of cnosdb.user, or to an empty value for none.");

	private final @Nullable ConfigurableEnvironment environment;

	CnosDbCredentialsFailureAnalyzer(@Nullable Environment environment) {
		this.environment = (environment instanceof ConfigurableEnvironment configurable) ? configurable : null;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure,
			InvalidConfigurationPropertyValueException cause) {
		String action = ACTIONS.get(isNodeUrl(cause.getName()) ? NODE_URL : cause.getName());
		if (action == null) {
			return null;
		}
		// A password is never shown, whoever threw the exception.
		Object value = PASSWORD.equals(cause.getName()) ? MASKED : cause.getValue();
		StringBuilder description = new StringBuilder("Invalid value '").append(value)
			.append("' for configuration property '")
			.append(cause.getName())
			.append("'");
		Origin origin = origin(cause.getName());
		if (origin != null) {
			description.append(" (originating from '").append(origin).append("')");
		}
		description.append(". Validation failed for the following reason:")
			.append(System.lineSeparator())
			.append(System.lineSeparator())
			.append(cause.getReason());
		return new FailureAnalysis(description.toString(), action, cause);
	}

	/** An entry of {@code cnosdb.urls}, such as {@code cnosdb.urls[1]}. */
	private static boolean isNodeUrl(String name) {
		return name.startsWith("cnosdb.urls[");
	}

	private @Nullable Origin origin(String name) {
		if (this.environment == null) {
			return null;
		}
		for (PropertySource<?> source : this.environment.getPropertySources()) {
			if (source.containsProperty(name)) {
				return OriginLookup.getOrigin(source, name);
			}
		}
		return null;
	}

}
