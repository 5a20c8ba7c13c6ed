package io.cnosdb.spring.sample;

import io.cnosdb.spring.core.exception.CnosObjectNotFoundException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns CnosDB failures into problem details: unknown objects are 404, an unreachable or slow
 * server is 503 naming CnosDB. The exception messages carry no credentials.
 */
@RestControllerAdvice
class CnosDbErrorHandler {

	@ExceptionHandler(CnosObjectNotFoundException.class)
	ProblemDetail notFound(CnosObjectNotFoundException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getServerMessage());
	}

	@ExceptionHandler({ DataAccessResourceFailureException.class, QueryTimeoutException.class })
	ProblemDetail unavailable(RuntimeException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
		problem.setTitle("CnosDB unavailable");
		return problem;
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail badRequest(IllegalArgumentException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

}
