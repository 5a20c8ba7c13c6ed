package io.cnosdb.spring.core.exception;

import org.springframework.dao.PermissionDeniedDataAccessException;

/**
 * Authentication failed or the user lacks a privilege (CnosDB codes {@code 010016} and
 * {@code 010004}; the server answers HTTP 422 for both, never 401).
 */
public class CnosPermissionDeniedException extends PermissionDeniedDataAccessException implements CnosServerFailure {

	private final CnosErrorResponse errorResponse;

	public CnosPermissionDeniedException(String message, CnosErrorResponse errorResponse) {
		super(message, null);
		this.errorResponse = errorResponse;
	}

	@Override
	public CnosErrorResponse getErrorResponse() {
		return this.errorResponse;
	}

}
