package io.cnosdb.spring.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import io.cnosdb.spring.core.support.CnosMessageValues;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Checks the CnosDB URL before a client is built from it, so a typo fails at startup with
 * what to fix rather than on the first request: an
 * {@link InvalidConfigurationPropertyValueException} for {@code cnosdb.url}, an
 * {@link IllegalStateException} naming the bean for a URL from another
 * {@link CnosDbConnectionDetails}. User information is never repeated in a message, nor
 * kept in a cause whose message would repeat it.
 */
final class CnosDbUrlValidator {

	private static final String PROPERTY = "cnosdb.url";

	private static final int MAX_PORT = 65535;

	private CnosDbUrlValidator() {
	}

	/**
	 * Validates the URL of connection details.
	 * @param connectionDetails where the URL comes from
	 * @return the URL without surrounding whitespace
	 * @throws InvalidConfigurationPropertyValueException when {@code cnosdb.url} cannot
	 * be used
	 * @throws IllegalStateException when the URL of other connection details cannot be
	 * used
	 */
	static String validate(CnosDbConnectionDetails connectionDetails) {
		String source = (connectionDetails instanceof PropertiesCnosDbConnectionDetails) ? null
				: connectionDetails.getClass().getName();
		return validate(connectionDetails.getUrl(), source);
	}

	/**
	 * The checks; {@code source} names the bean the URL came from, {@code null} for
	 * {@code cnosdb.url}.
	 */
	private static String validate(@Nullable String url, @Nullable String source) {
		if (url == null || url.isBlank()) {
			throw invalid(source, String.valueOf(url), "it is empty");
		}
		// Whitespace around the URL (invisible at the end of a properties line) is
		// dropped, so that the URL checked is the URL used.
		String stripped = url.strip();
		URI uri;
		try {
			uri = new URI(stripped);
		}
		catch (URISyntaxException ex) {
			// Not kept as the cause: its message repeats the whole URL, user information
			// included.
			throw invalid(source, stripped, "it is not a valid URI (" + ex.getReason() + ")");
		}
		if (stripped.indexOf('@') >= 0) {
			// Any '@', not only the parsed user information: a password may hold '/' or
			// '@', and then a URI parser takes part of it for the host or the path.
			throw invalid(source, stripped, "it holds user information (an '@'); set the user and password "
					+ "with cnosdb.user and cnosdb.password, which are sent as HTTP Basic authentication");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : null;
		if (scheme == null) {
			throw invalid(source, stripped, "it has no scheme; it must start with http:// or https://");
		}
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw invalid(source, stripped, "scheme '" + uri.getScheme() + "' is not supported; CnosDB's API is "
					+ "reached over http:// or https:// (Arrow Flight SQL on port 8904 is not used by this client)");
		}
		if (uri.getHost() == null) {
			throw invalid(source, stripped, "it names no host");
		}
		if (uri.getPort() == 0 || uri.getPort() > MAX_PORT) {
			throw invalid(source, stripped,
					"port " + uri.getPort() + " is out of range; a port is between 1 and " + MAX_PORT);
		}
		if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
			throw invalid(source, stripped, "it has a query or fragment; database and tenant are set with "
					+ "cnosdb.database and cnosdb.tenant");
		}
		return stripped;
	}

	private static RuntimeException invalid(@Nullable String source, String url, String reason) {
		String shown = CnosMessageValues.abbreviate(CnosMessageValues.withoutUserInfo(url));
		if (source == null) {
			return new InvalidConfigurationPropertyValueException(PROPERTY, shown, reason);
		}
		return new IllegalStateException("CnosDB URL '" + shown + "' from the URL of "
				+ CnosMessageValues.abbreviate(source) + " cannot be used: " + reason);
	}

}
