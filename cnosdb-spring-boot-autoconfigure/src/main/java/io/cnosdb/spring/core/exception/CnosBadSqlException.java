package io.cnosdb.spring.core.exception;

import org.springframework.dao.InvalidDataAccessResourceUsageException;

/**
 * CnosDB could not parse, plan or execute a statement or line-protocol body: a syntax or
 * semantic error, an unknown column, a value that cannot be cast (CnosDB codes
 * {@code 01xxxx}, {@code 040004}).
 */
public class CnosBadSqlException extends InvalidDataAccessResourceUsageException implements CnosServerFailure {

	private final CnosServerError serverError;

	public CnosBadSqlException(String message, CnosServerError serverError) {
		super(message);
		this.serverError = serverError;
	}

	@Override
	public CnosServerError getServerError() {
		return this.serverError;
	}

}
