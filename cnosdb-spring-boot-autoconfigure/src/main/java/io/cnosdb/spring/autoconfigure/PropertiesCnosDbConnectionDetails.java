package io.cnosdb.spring.autoconfigure;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.util.StringUtils;

/**
 * {@link CnosDbConnectionDetails} read from {@link CnosDbProperties}, with the SSL bundle
 * named by {@code cnosdb.ssl.bundle} looked up in {@link SslBundles}.
 */
final class PropertiesCnosDbConnectionDetails implements CnosDbConnectionDetails {

	private final CnosDbProperties properties;

	private final @Nullable SslBundles sslBundles;

	PropertiesCnosDbConnectionDetails(CnosDbProperties properties, @Nullable SslBundles sslBundles) {
		this.properties = properties;
		this.sslBundles = sslBundles;
	}

	@Override
	public String getUrl() {
		return this.properties.getUrl();
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
			throw new CnosDbSslBundleNotFoundException(name, List.of(), null);
		}
		try {
			return this.sslBundles.getBundle(name);
		}
		catch (NoSuchSslBundleException ex) {
			throw new CnosDbSslBundleNotFoundException(name, this.sslBundles.getBundleNames(), ex);
		}
	}

}
