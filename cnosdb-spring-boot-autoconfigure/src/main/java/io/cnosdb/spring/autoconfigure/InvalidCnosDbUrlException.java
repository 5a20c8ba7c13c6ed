package io.cnosdb.spring.autoconfigure;

/**
 * The CnosDB URL is not an absolute {@code http} or {@code https} URL the client can send
 * requests to.
 */
public final class InvalidCnosDbUrlException extends CnosDbConfigurationException {

	InvalidCnosDbUrlException(String property, String url, String reason) {
		super(property, "CnosDB URL '" + url + "' from " + property + " cannot be used: " + reason,
				"Set " + property + " to the server's HTTP API, such as http://localhost:8902, or https://… when "
						+ "the server has TLS configured",
				null);
	}

}
