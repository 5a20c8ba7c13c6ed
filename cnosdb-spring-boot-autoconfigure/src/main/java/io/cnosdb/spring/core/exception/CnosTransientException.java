package io.cnosdb.spring.core.exception;

import org.springframework.dao.TransientDataAccessResourceException;

/**
 * A failure that may pass if the request is tried again later: a rate limit (CnosDB code
 * {@code 030024}) or an unavailable server (HTTP 502, 503, 504).
 */
public class CnosTransientException extends TransientDataAccessResourceException implements CnosServerFailure {

	private final CnosErrorResponse errorResponse;

	public CnosTransientException(String message, CnosErrorResponse errorResponse) {
		super(message);
		this.errorResponse = errorResponse;
	}

	@Override
	public CnosErrorResponse getErrorResponse() {
		return this.errorResponse;
	}

}
