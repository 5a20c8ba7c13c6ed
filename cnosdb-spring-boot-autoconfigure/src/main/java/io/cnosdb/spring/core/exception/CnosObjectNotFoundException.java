package io.cnosdb.spring.core.exception;

import org.springframework.dao.InvalidDataAccessResourceUsageException;

/**
 * A tenant, database, table or user named by the request does not exist (CnosDB codes
 * {@code 030008}, {@code 030010}, {@code 030017}, {@code 030019}, {@code 010062},
 * {@code 040008}).
 */
public class CnosObjectNotFoundException extends InvalidDataAccessResourceUsageException implements CnosServerFailure {

	private final CnosErrorResponse errorResponse;

	public CnosObjectNotFoundException(String message, CnosErrorResponse errorResponse) {
		super(message);
		this.errorResponse = errorResponse;
	}

	@Override
	public CnosErrorResponse getErrorResponse() {
		return this.errorResponse;
	}

}
