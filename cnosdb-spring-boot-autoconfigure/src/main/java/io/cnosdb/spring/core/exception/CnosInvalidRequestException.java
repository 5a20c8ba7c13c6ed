package io.cnosdb.spring.core.exception;

import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * The request itself was malformed for the server: a bad header, body encoding or size,
 * or a wrong method (HTTP 400, 405, 413; CnosDB codes {@code 0400xx}, {@code 000000}).
 */
public class CnosInvalidRequestException extends InvalidDataAccessApiUsageException implements CnosServerFailure {

	private final CnosErrorResponse errorResponse;

	public CnosInvalidRequestException(String message, CnosErrorResponse errorResponse) {
		super(message);
		this.errorResponse = errorResponse;
	}

	@Override
	public CnosErrorResponse getErrorResponse() {
		return this.errorResponse;
	}

}
