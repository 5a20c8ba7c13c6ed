package io.cnosdb.spring.autoconfigure;

/**
 * {@link CnosDbConnectionDetails} read from {@link CnosDbProperties}.
 */
final class PropertiesCnosDbConnectionDetails implements CnosDbConnectionDetails {

	private final CnosDbProperties properties;

	PropertiesCnosDbConnectionDetails(CnosDbProperties properties) {
		this.properties = properties;
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

}
