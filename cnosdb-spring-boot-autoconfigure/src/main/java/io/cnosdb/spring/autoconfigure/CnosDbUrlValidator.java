package io.cnosdb.spring.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Checks the CnosDB URL before a client is built from it, so a typo fails at startup with
 * the property to fix rather than on the first request. User information is never repeated
 * in a message.
 */
final class CnosDbUrlValidator {

	private CnosDbUrlValidator() {
	}

	/**
	 * Validates a URL.
	 * @param url the URL, possibly {@code null}
	 * @param property where it came from, for the message
	 * @return the URL, unchanged
	 * @throws InvalidCnosDbUrlException when it cannot be used
	 */
	static String validate(@Nullable String url, String property) {
		if (url == null || url.isBlank()) {
			throw invalid(property, String.valueOf(url), "it is empty", null);
		}
		URI uri;
		try {
			uri = new URI(url.strip());
		}
		catch (URISyntaxException ex) {
			throw invalid(property, safe(url), "it is not a valid URI (" + ex.getReason() + ")", ex);
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : null;
		if (scheme == null) {
			throw invalid(property, safe(url), "it has no scheme; it must start with http:// or https://", null);
		}
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw invalid(property, safe(url), "scheme '" + uri.getScheme() + "' is not supported; CnosDB's API is "
					+ "reached over http:// or https:// (Arrow Flight SQL on port 8904 is not used by this client)",
					null);
		}
		if (uri.getHost() == null) {
			throw invalid(property, safe(url), "it names no host", null);
		}
		if (uri.getRawUserInfo() != null) {
			throw invalid(property, safe(url), "it holds user information; set the user and password with "
					+ "cnosdb.user and cnosdb.password, which are sent as HTTP Basic authentication", null);
		}
		if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
			throw invalid(property, safe(url), "it has a query or fragment; database and tenant are set with "
					+ "cnosdb.database and cnosdb.tenant", null);
		}
		return url;
	}

	/** The URL without user information, for messages. */
	private static String safe(String url) {
		int schemeEnd = url.indexOf("://");
		int at = url.lastIndexOf('@');
		if (schemeEnd >= 0 && at > schemeEnd) {
			int pathStart = url.indexOf('/', schemeEnd + 3);
			if (pathStart < 0 || at < pathStart) {
				return url.substring(0, schemeEnd + 3) + "******@" + url.substring(at + 1);
			}
		}
		return url;
	}

	private static InvalidCnosDbUrlException invalid(String property, String url, String reason,
			@Nullable Throwable cause) {
		return new InvalidCnosDbUrlException(property, url, reason, cause);
	}

}
