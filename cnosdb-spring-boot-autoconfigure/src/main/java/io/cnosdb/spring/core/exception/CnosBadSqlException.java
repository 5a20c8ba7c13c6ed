package io.cnosdb.spring.core.exception;

import org.springframework.dao.InvalidDataAccessResourceUsageException;

/**
 * CnosDB could not parse, plan or execute a statement: a syntax or semantic error, an
 * unknown column, a value that cannot be cast (CnosDB codes {@code 01xxxx}). A
 * line-protocol body it cannot parse is a {@link CnosInvalidLineProtocolException}.
 */
public class CnosBadSqlException extends InvalidDataAccessResourceUsageException implements CnosServerFailure {

	private final CnosErrorResponse errorResponse;

	public CnosBadSqlException(String message, CnosErrorResponse errorResponse) {
		super(message);
		this.errorResponse = errorResponse;
	}

	@Override
	public CnosErrorResponse getErrorResponse() {
		return this.errorResponse;
	}

}
