package io.cnosdb.spring.autoconfigure;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.cnosdb.spring.core.support.CnosMessageValues;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.util.StringUtils;

/**
 * {@link CnosDbConnectionDetails} read from {@link CnosDbProperties}, with the SSL bundle
 * named by {@code cnosdb.ssl.bundle} looked up in {@link SslBundles}; a name that no
 * bundle has fails with an {@link InvalidConfigurationPropertyValueException} listing the
 * defined bundles.
 */
final class PropertiesCnosDbConnectionDetails implements CnosDbConnectionDetails {

	private static final String SSL_BUNDLE_PROPERTY = "cnosdb.ssl.bundle";

	private final CnosDbProperties properties;

	private final @Nullable SslBundles sslBundles;

	PropertiesCnosDbConnectionDetails(CnosDbProperties properties, @Nullable SslBundles sslBundles) {
		this.properties = properties;
		this.sslBundles = sslBundles;
	}

	/** The first node's URL, with {@code cnosdb.urls}. */
	@Override
	public String getUrl() {
		return getUrls().get(0);
	}

	@Override
	public List<String> getUrls() {
		List<String> urls = this.properties.getUrls();
		return urls.isEmpty() ? List.of(this.properties.getUrl()) : urls;
	}

	/** The property the URL at {@code index} of {@link #getUrls()} comes from. */
	String urlProperty(int index) {
		return this.properties.getUrls().isEmpty() ? "cnosdb.url" : "cnosdb.urls[" + index + "]";
	}

	@Override
	public String getUser() {
		return this.properties.getUser();
	}

	@Override
	public String getPassword() {
		return this.properties.getPassword();
	}

	@Override
	public @Nullable SslBundle getSslBundle() {
		String name = this.properties.getSsl().getBundle();
		if (!StringUtils.hasText(name)) {
			return null;
		}
		if (this.sslBundles == null) {
			throw bundleNotFound(name, List.of(), null);
		}
		try {
			return this.sslBundles.getBundle(name);
		}
		catch (NoSuchSslBundleException ex) {
			throw bundleNotFound(name, this.sslBundles.getBundleNames(), ex);
		}
	}

	private static InvalidConfigurationPropertyValueException bundleNotFound(String name, List<String> knownBundles,
			@Nullable Throwable cause) {
		String shown = CnosMessageValues.abbreviate(name);
		String defined = knownBundles.isEmpty() ? "no SSL bundle is defined at all"
				: "defined bundles: " + CnosMessageValues.abbreviate(String.join(", ", knownBundles), 500);
		return new InvalidConfigurationPropertyValueException(SSL_BUNDLE_PROPERTY, shown,
				"names an SSL bundle that is not defined (" + defined + "); define it under spring.ssl.bundle.pem."
						+ shown + " or spring.ssl.bundle.jks." + shown
						+ ", or name one of the defined bundles, or remove it to use the JVM's default trust store",
				cause);
	}

}
