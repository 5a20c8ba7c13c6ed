package io.cnosdb.spring.autoconfigure.diagnostics;

import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MutuallyExclusiveConfigurationPropertiesException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * Reports {@code cnosdb.url} and {@code cnosdb.urls} set together as Spring Boot reports
 * mutually exclusive properties, with where each was set, and what to set instead. Spring
 * Boot's own analyzer finds a property only under its exact name, so a list written in
 * YAML ({@code cnosdb.urls[0]}, ...) or an environment variable left the failure without
 * a report; this one finds it as binding does. Values are not shown: a URL may hold a
 * password where one was written into it by mistake.
 */
class CnosDbUrlsFailureAnalyzer extends AbstractFailureAnalyzer<MutuallyExclusiveConfigurationPropertiesException>
		implements Ordered {

	private static final Set<String> NAMES = Set.of("cnosdb.url", "cnosdb.urls");

	private final @Nullable ConfigurableEnvironment environment;

	CnosDbUrlsFailureAnalyzer(@Nullable Environment environment) {
		this.environment = (environment instanceof ConfigurableEnvironment configurable) ? configurable : null;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure,
			MutuallyExclusiveConfigurationPropertiesException cause) {
		if (!NAMES.equals(cause.getMutuallyExclusiveNames())) {
			return null;
		}
		String line = System.lineSeparator();
		StringBuilder description = new StringBuilder("The following configuration properties are mutually exclusive:")
			.append(line)
			.append(line);
		new TreeSet<>(NAMES).forEach((name) -> description.append('\t').append(name).append(line));
		description.append(line)
			.append("However, more than one of those properties has been configured at the same time:")
			.append(line)
			.append(line);
		for (String name : new TreeSet<>(cause.getConfiguredNames())) {
			description.append('\t').append(name);
			Object origin = origin(name);
			if (origin != null) {
				description.append(" (originating from '").append(origin).append("')");
			}
			description.append(line);
		}
		return new FailureAnalysis(description.toString(),
				"Set cnosdb.urls alone to the nodes of a CnosDB cluster (the URL of cnosdb.url may be one of them), "
						+ "or cnosdb.url alone to one server.",
				cause);
	}

	/** Where the property, or the first entry of a list, was set. */
	private @Nullable Object origin(String name) {
		if (this.environment == null) {
			return null;
		}
		ConfigurationPropertyName[] names = { ConfigurationPropertyName.of(name),
				ConfigurationPropertyName.of(name + "[0]") };
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(this.environment)) {
			for (ConfigurationPropertyName candidate : names) {
				ConfigurationProperty property = source.getConfigurationProperty(candidate);
				if (property != null && property.getOrigin() != null) {
					return property.getOrigin();
				}
			}
		}
		return null;
	}

}
