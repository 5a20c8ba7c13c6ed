package io.cnosdb.spring.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * A CnosDB setting that cannot be used, found while the client is created: what is wrong,
 * and which property or bean to change. Spring Boot prints both through
 * {@link io.cnosdb.spring.autoconfigure.diagnostics.CnosDbConfigurationFailureAnalyzer}
 * instead of a stack trace.
 */
public abstract class CnosDbConfigurationException extends RuntimeException {

	private final String property;

	private final String action;

	protected CnosDbConfigurationException(String property, String description, String action,
			@Nullable Throwable cause) {
		super(description, cause);
		this.property = property;
		this.action = action;
	}

	/**
	 * The property to fix, such as {@code cnosdb.url}, or a description of the bean that
	 * supplied the value.
	 */
	public String getProperty() {
		return this.property;
	}

	/** What to do about it. */
	public String getAction() {
		return this.action;
	}

}
