package io.cnosdb.spring.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * TLS settings of the connection to CnosDB, under {@code cnosdb.ssl}.
 */
public class CnosDbSslProperties {

	/**
	 * Name of the SSL bundle (spring.ssl.bundle.*) that holds the trust material for an
	 * https URL. Without one, the JVM's default trust store applies.
	 */
	private @Nullable String bundle;

	public @Nullable String getBundle() {
		return this.bundle;
	}

	public void setBundle(@Nullable String bundle) {
		this.bundle = bundle;
	}

}
