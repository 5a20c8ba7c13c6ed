package io.cnosdb.spring.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.cnosdb.spring.core.support.CnosMessageValues;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Checks the CnosDB URLs before a client is built from them, so a typo fails at startup
 * with what to fix rather than on the first request: an
 * {@link InvalidConfigurationPropertyValueException} for {@code cnosdb.url} or the entry
 * of {@code cnosdb.urls}, an {@link IllegalStateException} naming the bean for a URL from
 * another {@link CnosDbConnectionDetails}. User information is never repeated in a
 * message, nor kept in a cause whose message would repeat it.
 */
final class CnosDbUrlValidator {

	private static final String PROPERTY = "cnosdb.url";

	private static final int MAX_PORT = 65535;

	private CnosDbUrlValidator() {
	}

	/**
	 * Validates the URLs of connection details: each usable, none given twice.
	 * @param connectionDetails where the URLs come from
	 * @return the URLs without surrounding whitespace
	 * @throws InvalidConfigurationPropertyValueException when {@code cnosdb.url} or an
	 * entry of {@code cnosdb.urls} cannot be used
	 * @throws IllegalStateException when the URLs of other connection details cannot be
	 * used
	 */
	static List<String> validate(CnosDbConnectionDetails connectionDetails) {
		PropertiesCnosDbConnectionDetails properties = (connectionDetails instanceof PropertiesCnosDbConnectionDetails details)
				? details : null;
		String source = (properties != null) ? null : connectionDetails.getClass().getName();
		List<String> urls = connectionDetails.getUrls();
		if (urls == null || urls.isEmpty()) {
			throw new IllegalStateException("No CnosDB URL from the URLs of "
					+ CnosMessageValues.abbreviate(String.valueOf(source)) + ": it must name at least one server");
		}
		List<String> validated = new ArrayList<>(urls.size());
		Map<String, Integer> seen = new HashMap<>();
		for (int i = 0; i < urls.size(); i++) {
			String property = (properties != null) ? properties.urlProperty(i) : PROPERTY;
			String url = validate(urls.get(i), property, source);
			Integer first = seen.putIfAbsent(normalized(url), i);
			if (first != null) {
				String firstProperty = (properties != null) ? properties.urlProperty(first) : "URL " + (first + 1);
				throw invalid(property, source, url,
						"it names the same node as " + firstProperty + "; name each node once");
			}
			validated.add(url);
		}
		return List.copyOf(validated);
	}

	/** A URL as the client uses it: no trailing slash, scheme and host in lower case. */
	private static String normalized(String url) {
		String trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
		return trimmed.toLowerCase(Locale.ROOT);
	}

	/**
	 * The checks; {@code source} names the bean the URL came from, {@code null} for
	 * {@code cnosdb.url}.
	 */
	private static String validate(@Nullable String url, String property, @Nullable String source) {
		if (url == null || url.isBlank()) {
			throw invalid(property, source, String.valueOf(url), "it is empty");
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
			throw invalid(property, source, stripped, "it is not a valid URI (" + ex.getReason() + ")");
		}
		if (stripped.indexOf('@') >= 0) {
			// Any '@', not only the parsed user information: a password may hold '/' or
			// '@', and then a URI parser takes part of it for the host or the path.
			throw invalid(property, source, stripped, "it holds user information (an '@'); set the user and password "
					+ "with cnosdb.user and cnosdb.password, which are sent as HTTP Basic authentication");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : null;
		if (scheme == null) {
			throw invalid(property, source, stripped, "it has no scheme; it must start with http:// or https://");
		}
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw invalid(property, source, stripped, "scheme '" + uri.getScheme()
					+ "' is not supported; CnosDB's API is "
					+ "reached over http:// or https:// (Arrow Flight SQL on port 8904 is not used by this client)");
		}
		if (uri.getHost() == null) {
			throw invalid(property, source, stripped, "it names no host");
		}
		if (uri.getPort() == 0 || uri.getPort() > MAX_PORT) {
			throw invalid(property, source, stripped,
					"port " + uri.getPort() + " is out of range; a port is between 1 and " + MAX_PORT);
		}
		if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
			throw invalid(property, source, stripped, "it has a query or fragment; database and tenant are set with "
					+ "cnosdb.database and cnosdb.tenant");
		}
		return stripped;
	}

	private static RuntimeException invalid(String property, @Nullable String source, String url, String reason) {
		String shown = CnosMessageValues.abbreviate(CnosMessageValues.withoutUserInfo(url));
		if (source == null) {
			return new InvalidConfigurationPropertyValueException(property, shown, reason);
		}
		return new IllegalStateException("CnosDB URL '" + shown + "' from the URL of "
				+ CnosMessageValues.abbreviate(source) + " cannot be used: " + reason);
	}

}
