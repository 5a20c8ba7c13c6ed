package io.cnosdb.spring.core.exception;

import org.springframework.dao.DataAccessResourceFailureException;

/**
 * The server at the configured URL does not serve the CnosDB API (HTTP 404: a wrong URL
 * path, or a storage-only node).
 */
public class CnosResourceFailureException extends DataAccessResourceFailureException implements CnosServerFailure {

	private final CnosServerError serverError;

	public CnosResourceFailureException(String message, CnosServerError serverError) {
		super(message);
		this.serverError = serverError;
	}

	@Override
	public CnosServerError getServerError() {
		return this.serverError;
	}

}
