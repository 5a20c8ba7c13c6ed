package io.cnosdb.spring.core.exception;

import org.springframework.dao.PermissionDeniedDataAccessException;

/**
 * Authentication failed or the user lacks a privilege (CnosDB codes {@code 010016} and
 * {@code 010004}; the server answers HTTP 422 for both, never 401).
 */
public class CnosPermissionDeniedException extends PermissionDeniedDataAccessException implements CnosServerFailure {

	private final CnosServerError serverError;

	public CnosPermissionDeniedException(String message, CnosServerError serverError) {
		super(message, null);
		this.serverError = serverError;
	}

	@Override
	public CnosServerError getServerError() {
		return this.serverError;
	}

}
