package io.cnosdb.spring.core.exception;

import org.jspecify.annotations.Nullable;

/**
 * What CnosDB answered when it refused a request: the HTTP status, the six-digit
 * {@code error_code} from its JSON error body (absent when the body was empty, as it is
 * for 404, 405, 413 and most 500 answers) and its message, with credentials removed.
 *
 * @param statusCode the HTTP status code
 * @param errorCode the CnosDB error code, such as {@code 030019}, or {@code null}
 * @param message the server's message, or an empty string
 */
public record CnosErrorResponse(int statusCode, @Nullable String errorCode, String message) {

	@Override
	public String toString() {
		return (this.errorCode != null) ? "error_code " + this.errorCode + ", HTTP " + this.statusCode
				: "HTTP " + this.statusCode;
	}

}
