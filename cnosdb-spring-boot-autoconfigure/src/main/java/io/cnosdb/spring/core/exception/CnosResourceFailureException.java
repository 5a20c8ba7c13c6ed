package io.cnosdb.spring.core.exception;

import org.springframework.dao.DataAccessResourceFailureException;

/**
 * The server at the configured URL does not serve the CnosDB API (HTTP 404: a wrong URL
 * path, or a storage-only node).
 */
public class CnosResourceFailureException extends DataAccessResourceFailureException implements CnosServerFailure {

	private final CnosErrorResponse errorResponse;

	public CnosResourceFailureException(String message, CnosErrorResponse errorResponse) {
		super(message);
		this.errorResponse = errorResponse;
	}

	@Override
	public CnosErrorResponse getErrorResponse() {
		return this.errorResponse;
	}

}
