package io.cnosdb.spring.core.exception;

import org.springframework.dao.DataIntegrityViolationException;

/**
 * The data or object conflicts with what exists: a database or table that already exists,
 * a field written with another type than its column, a point older than the TTL (CnosDB
 * codes {@code 030018}, {@code 030020}, {@code 020004}, {@code 050025}).
 */
public class CnosDataIntegrityViolationException extends DataIntegrityViolationException implements CnosServerFailure {

	private final CnosErrorResponse errorResponse;

	public CnosDataIntegrityViolationException(String message, CnosErrorResponse errorResponse) {
		super(message);
		this.errorResponse = errorResponse;
	}

	@Override
	public CnosErrorResponse getErrorResponse() {
		return this.errorResponse;
	}

}
