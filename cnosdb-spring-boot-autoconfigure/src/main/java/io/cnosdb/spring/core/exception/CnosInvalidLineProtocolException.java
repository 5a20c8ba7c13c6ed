package io.cnosdb.spring.core.exception;

import org.springframework.dao.InvalidDataAccessResourceUsageException;

/**
 * CnosDB could not parse a line-protocol body, or a point in it has no field (CnosDB
 * codes {@code 040004}, {@code 020002}). Nothing of the request was written.
 */
public class CnosInvalidLineProtocolException extends InvalidDataAccessResourceUsageException
		implements CnosServerFailure {

	private final CnosErrorResponse errorResponse;

	public CnosInvalidLineProtocolException(String message, CnosErrorResponse errorResponse) {
		super(message);
		this.errorResponse = errorResponse;
	}

	@Override
	public CnosErrorResponse getErrorResponse() {
		return this.errorResponse;
	}

}
