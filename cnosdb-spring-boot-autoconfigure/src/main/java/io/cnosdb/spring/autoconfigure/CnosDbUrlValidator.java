package io.cnosdb.spring.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import io.cnosdb.spring.core.support.CnosMessageValues;

/**
 * Checks the CnosDB URL before a client is built from it, so a typo fails at startup with
 * the property to fix rather than on the first request. User information is never
 * repeated in a message, nor kept in a cause whose message would repeat it.
 */
final class CnosDbUrlValidator {

	private static final int MAX_PORT = 65535;

	private CnosDbUrlValidator() {
	}

	/**
	 * Validates a URL.
	 * @param url the URL, possibly {@code null}
	 * @param property where it came from, for the message
	 * @return the URL without surrounding whitespace
	 * @throws InvalidCnosDbUrlException when it cannot be used
	 */
	static String validate(@Nullable String url, String property) {
		if (url == null || url.isBlank()) {
			throw invalid(property, String.valueOf(url), "it is empty");
		}
		// Whitespace around the URL (invisible at the end of a properties line) is
		// dropped, so
		// that the URL checked is the URL used.
		String stripped = url.strip();
		URI uri;
		try {
			uri = new URI(stripped);
		}
		catch (URISyntaxException ex) {
			// Not kept as the cause: its message repeats the whole URL, user information
			// included.
			throw invalid(property, stripped, "it is not a valid URI (" + ex.getReason() + ")");
		}
		if (stripped.indexOf('@') >= 0) {
			// Any '@', not only the parsed user information: a password may hold '/' or
			// '@', and
			// then a URI parser takes part of it for the host or the path.
			throw invalid(property, stripped, "it holds user information (an '@'); set the user and password "
					+ "with cnosdb.user and cnosdb.password, which are sent as HTTP Basic authentication");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : null;
		if (scheme == null) {
			throw invalid(property, stripped, "it has no scheme; it must start with http:// or https://");
		}
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw invalid(property, stripped, "scheme '" + uri.getScheme() + "' is not supported; CnosDB's API is "
					+ "reached over http:// or https:// (Arrow Flight SQL on port 8904 is not used by this client)");
		}
		if (uri.getHost() == null) {
			throw invalid(property, stripped, "it names no host");
		}
		if (uri.getPort() == 0 || uri.getPort() > MAX_PORT) {
			throw invalid(property, stripped,
					"port " + uri.getPort() + " is out of range; a port is between 1 and " + MAX_PORT);
		}
		if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
			throw invalid(property, stripped, "it has a query or fragment; database and tenant are set with "
					+ "cnosdb.database and cnosdb.tenant");
		}
		return stripped;
	}

	private static InvalidCnosDbUrlException invalid(String property, String url, String reason) {
		return new InvalidCnosDbUrlException(property,
				CnosMessageValues.abbreviate(CnosMessageValues.withoutUserInfo(url)), reason);
	}

}
