package io.cnosdb.spring.core.exception;

import org.springframework.dao.UncategorizedDataAccessException;

/**
 * An error answer that fits no more specific category, such as the empty-bodied HTTP 500
 * the server sends for requests it cannot read.
 */
public class CnosUncategorizedException extends UncategorizedDataAccessException implements CnosServerFailure {

	private final CnosServerError serverError;

	public CnosUncategorizedException(String message, CnosServerError serverError) {
		super(message, null);
		this.serverError = serverError;
	}

	@Override
	public CnosServerError getServerError() {
		return this.serverError;
	}

}
