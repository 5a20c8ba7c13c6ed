package io.cnosdb.spring.sample;

import io.cnosdb.spring.core.CsvImportException;
import io.cnosdb.spring.core.exception.CnosBadSqlException;
import io.cnosdb.spring.core.exception.CnosDataIntegrityViolationException;
import io.cnosdb.spring.core.exception.CnosObjectNotFoundException;
import io.cnosdb.spring.core.exception.CnosServerFailure;
import io.cnosdb.spring.core.exception.CnosTransientException;
import tools.jackson.core.JacksonException;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns failures into problem details. Bad input is 400 saying what is wrong, whether the
 * sample or CnosDB found it; unknown objects are 404; an unreachable, slow or overloaded server
 * is 503 and any other server failure 502, both naming CnosDB. The exception messages carry no
 * credentials.
 */
@RestControllerAdvice
class CnosDbErrorHandler {

	@ExceptionHandler(CnosObjectNotFoundException.class)
	ProblemDetail notFound(CnosObjectNotFoundException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getServerMessage());
	}

	@ExceptionHandler({ DataAccessResourceFailureException.class, QueryTimeoutException.class,
			CnosTransientException.class })
	ProblemDetail unavailable(DataAccessException ex) {
		if (ex instanceof CnosServerFailure && !(ex instanceof CnosTransientException)) {
			// An answer, though not from a CnosDB SQL endpoint (HTTP 404: a wrong URL or a storage-only node).
			return badGateway(ex);
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
		problem.setTitle("CnosDB unavailable");
		return problem;
	}

	/**
	 * The statement or the data was refused: a time bucket CnosDB cannot read as an interval, a
	 * value whose type conflicts with its column, a time past the TTL.
	 */
	@ExceptionHandler({ CnosBadSqlException.class, CnosDataIntegrityViolationException.class })
	ProblemDetail refused(DataAccessException ex) {
		CnosServerFailure failure = (CnosServerFailure) ex;
		String what = (ex instanceof CnosBadSqlException) ? "statement" : "data";
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"CnosDB refused the " + what + ": " + failure.getServerMessage());
		problem.setTitle("Bad request");
		problem.setProperty("errorCode", failure.getErrorCode());
		return problem;
	}

	/**
	 * A CSV import that stopped: a bad row or a batch CnosDB refused is 400, a server that
	 * failed 502 or 503. Each says how many rows were written and the line to resume from.
	 */
	@ExceptionHandler(CsvImportException.class)
	ProblemDetail csvImport(CsvImportException ex) {
		Throwable cause = ex.getCause();
		HttpStatus status;
		String title;
		if (ex.isOutcomeUnknown() || cause instanceof CnosTransientException
				|| (cause instanceof DataAccessResourceFailureException && !(cause instanceof CnosServerFailure))) {
			status = HttpStatus.SERVICE_UNAVAILABLE;
			title = "CnosDB unavailable";
		}
		else if (cause instanceof CnosServerFailure failure && failure.getStatusCode() >= 500) {
			status = HttpStatus.BAD_GATEWAY;
			title = "CnosDB failed";
		}
		else {
			status = HttpStatus.BAD_REQUEST;
			title = "Bad CSV file";
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
		problem.setTitle(title);
		problem.setProperty("rowsWritten", ex.getRowsWritten());
		problem.setProperty("batchesWritten", ex.getBatchesWritten());
		if (ex.getLine() > 0) {
			problem.setProperty("line", ex.getLine());
		}
		problem.setProperty("outcomeUnknown", ex.isOutcomeUnknown());
		return problem;
	}

	/** Any other answer from CnosDB that is not the client's fault: permissions, a server error, ... */
	@ExceptionHandler(DataAccessException.class)
	ProblemDetail badGateway(DataAccessException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, "CnosDB failed: " + ex.getMessage());
		problem.setTitle("CnosDB failed");
		if (ex instanceof CnosServerFailure failure && failure.getErrorCode() != null) {
			problem.setProperty("errorCode", failure.getErrorCode());
		}
		return problem;
	}

	/** Refused by the client before anything was sent, such as a reading with a NaN value. */
	@ExceptionHandler({ BadReadingRequestException.class, IllegalArgumentException.class,
			InvalidDataAccessApiUsageException.class })
	ProblemDetail badRequest(RuntimeException ex) {
		if (ex instanceof CnosServerFailure) {
			// CnosDB refused the request itself (a bad header or body): not the caller's input.
			return badGateway((DataAccessException) ex);
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Bad request");
		return problem;
	}

	@ExceptionHandler(JacksonException.class)
	ProblemDetail badJson(JacksonException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Not a reading: " + ex.getOriginalMessage());
		problem.setTitle("Bad request");
		return problem;
	}

}
