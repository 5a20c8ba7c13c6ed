package io.cnosdb.spring.core.exception;

import org.springframework.dao.UncategorizedDataAccessException;

/**
 * An error answer that fits no more specific category, such as the empty-bodied HTTP 500
 * the server sends for requests it cannot read.
 */
public class CnosUncategorizedException extends UncategorizedDataAccessException implements CnosServerFailure {

	private final CnosErrorResponse errorResponse;

	public CnosUncategorizedException(String message, CnosErrorResponse errorResponse) {
		super(message, null);
		this.errorResponse = errorResponse;
	}

	@Override
	public CnosErrorResponse getErrorResponse() {
		return this.errorResponse;
	}

}
