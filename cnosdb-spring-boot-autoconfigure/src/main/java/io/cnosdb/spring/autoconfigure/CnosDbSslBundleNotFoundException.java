package io.cnosdb.spring.autoconfigure;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.cnosdb.spring.core.support.CnosMessageValues;

/**
 * {@code cnosdb.ssl.bundle} names an SSL bundle that is not defined.
 */
public final class CnosDbSslBundleNotFoundException extends CnosDbConfigurationException {

	private final String bundleName;

	CnosDbSslBundleNotFoundException(String bundleName, List<String> knownBundles, @Nullable Throwable cause) {
		super("cnosdb.ssl.bundle",
				"SSL bundle '" + CnosMessageValues.abbreviate(bundleName)
						+ "' named by cnosdb.ssl.bundle is not defined"
						+ (knownBundles.isEmpty() ? " (no SSL bundle is defined at all)"
								: " (defined bundles: "
										+ CnosMessageValues.abbreviate(String.join(", ", knownBundles), 500) + ")"),
				"Define the bundle under spring.ssl.bundle.pem." + CnosMessageValues.abbreviate(bundleName)
						+ " or spring.ssl.bundle.jks." + CnosMessageValues.abbreviate(bundleName)
						+ ", or set cnosdb.ssl.bundle to one of the defined bundles, or remove it to use the JVM's "
						+ "default trust store",
				cause);
		this.bundleName = bundleName;
	}

	/** The name that was asked for. */
	public String getBundleName() {
		return this.bundleName;
	}

}
