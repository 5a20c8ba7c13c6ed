package io.cnosdb.spring.core.exception;

import org.jspecify.annotations.Nullable;

/**
 * Implemented by every exception that stands for an error answer of the CnosDB server, so
 * a caller can read the code, message and status whatever the exception's place in
 * Spring's {@code DataAccessException} hierarchy.
 */
public interface CnosServerFailure {

	/** The server's answer. */
	CnosErrorResponse getErrorResponse();

	/**
	 * The CnosDB {@code error_code}, or {@code null} when the server sent no error body.
	 */
	default @Nullable String getErrorCode() {
		return getErrorResponse().errorCode();
	}

	/** The server's message, credentials removed; empty when it sent none. */
	default String getServerMessage() {
		return getErrorResponse().message();
	}

	/** The HTTP status code of the answer. */
	default int getStatusCode() {
		return getErrorResponse().statusCode();
	}

}
