package io.cnosdb.spring.sample;

import java.time.Instant;

import io.cnosdb.spring.core.csv.CsvImportException;
import io.cnosdb.spring.core.exception.CnosBadSqlException;
import io.cnosdb.spring.core.exception.CnosDataIntegrityViolationException;
import io.cnosdb.spring.core.exception.CnosObjectNotFoundException;
import io.cnosdb.spring.core.exception.CnosServerFailure;
import io.cnosdb.spring.core.exception.CnosTransientException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns failures into problem details. Bad input is 400 saying what is wrong, whether the
 * sample or CnosDB found it; unknown objects are 404; an unreachable, slow or overloaded
 * server is 503 and any other server failure 502, both naming CnosDB. The exception
 * messages carry no credentials.
 * <p>
 * CnosDB refusing a statement or data is the caller's 400 only where the request shaped
 * it: the controllers mark those calls with {@link CallerInput#refusalIsTheCallers}. A
 * refusal of the sample's own fixed SQL (the schema, the list of stations) is the
 * sample's fault, so it stays a 502 like any other failure of the server side.
 * <p>
 * It extends {@link ResponseEntityExceptionHandler}, which replaces Spring Boot's problem
 * details handler, so that Spring MVC's own 400s (a parameter that does not convert, a
 * body that is not JSON, a missing upload) can say in plain words what was expected
 * instead of quoting a converter or a method signature.
 */
@RestControllerAdvice
class CnosDbErrorHandler extends ResponseEntityExceptionHandler {

	@ExceptionHandler(CnosObjectNotFoundException.class)
	ProblemDetail notFound(CnosObjectNotFoundException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getServerMessage());
	}

	@ExceptionHandler({ DataAccessResourceFailureException.class, QueryTimeoutException.class,
			CnosTransientException.class })
	ProblemDetail unavailable(DataAccessException ex) {
		if (ex instanceof CnosServerFailure && !(ex instanceof CnosTransientException)) {
			// An answer, though not from a CnosDB SQL endpoint (HTTP 404: a wrong URL or
			// a storage-only node).
			return badGateway(ex);
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
		problem.setTitle("CnosDB unavailable");
		return problem;
	}

	/**
	 * The statement or the data that the request shaped was refused: a time bucket CnosDB
	 * cannot read as an interval, a value whose type conflicts with its column, a time
	 * past the TTL.
	 */
	@ExceptionHandler(CallerInput.RefusedException.class)
	ProblemDetail refusedInput(CallerInput.RefusedException ex) {
		DataAccessException refusal = ex.getCause();
		CnosServerFailure failure = (CnosServerFailure) refusal;
		String what = (refusal instanceof CnosBadSqlException) ? "statement" : "data";
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"CnosDB refused the " + what + ": " + failure.getServerMessage());
		problem.setTitle("Bad request");
		problem.setProperty("errorCode", failure.getErrorCode());
		return problem;
	}

	/**
	 * A statement or data refused although the request did not shape it: one of the
	 * sample's fixed statements, which the caller cannot fix by asking differently.
	 */
	@ExceptionHandler({ CnosBadSqlException.class, CnosDataIntegrityViolationException.class })
	ProblemDetail refusedOwnStatement(DataAccessException ex) {
		CnosServerFailure failure = (CnosServerFailure) ex;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY,
				"CnosDB failed: it refused a statement of the sample itself: " + failure.getServerMessage());
		problem.setTitle("CnosDB failed");
		problem.setProperty("errorCode", failure.getErrorCode());
		return problem;
	}

	/**
	 * A CSV import that stopped: a bad row or a batch CnosDB refused is 400, a server
	 * that failed 502 or 503. Each says how many rows were written and the line to resume
	 * from.
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

	/**
	 * Any other answer from CnosDB that is not the client's fault: permissions, a server
	 * error, ...
	 */
	@ExceptionHandler(DataAccessException.class)
	ProblemDetail badGateway(DataAccessException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY,
				"CnosDB failed: " + ex.getMessage());
		problem.setTitle("CnosDB failed");
		if (ex instanceof CnosServerFailure failure && failure.getErrorCode() != null) {
			problem.setProperty("errorCode", failure.getErrorCode());
		}
		return problem;
	}

	/**
	 * Refused by the client before anything was sent, such as a station name that is no
	 * valid CnosDB name.
	 */
	@ExceptionHandler({ BadReadingRequestException.class, IllegalArgumentException.class,
			InvalidDataAccessApiUsageException.class })
	ProblemDetail badRequest(RuntimeException ex) {
		if (ex instanceof CnosServerFailure) {
			// CnosDB refused the request itself (a bad header or body): not the caller's
			// input.
			return badGateway((DataAccessException) ex);
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Bad request");
		return problem;
	}

	/**
	 * JSON that could not be read, should any escape the controllers' own checks:
	 * Jackson's message names Java types, so only where it happened is passed on.
	 */
	@ExceptionHandler(JacksonException.class)
	ProblemDetail badJson(JacksonException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The JSON is not a reading" + where(ex.getLocation()) + ": " + ReadingsController.READING_FORM);
		problem.setTitle("Bad request");
		return problem;
	}

	/**
	 * {@code POST /api/readings/csv} with a body that is not a multipart upload at all.
	 */
	@ExceptionHandler(MultipartException.class)
	ProblemDetail notMultipart(MultipartException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ReadingsController.NO_FILE);
		problem.setTitle("Bad request");
		return problem;
	}

	/** A multipart upload without its {@code file} field. */
	@Override
	protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ReadingsController.NO_FILE);
		problem.setTitle("Bad request");
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	/**
	 * A query parameter that does not convert: Spring's message quotes the converter (for
	 * an {@code Instant}, its formatter's pattern), so say instead which form was
	 * expected.
	 */
	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = (ex instanceof MethodArgumentTypeMismatchException argument) ? argument.getName()
				: ex.getPropertyName();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				expectedForm(name, ex.getRequiredType()) + ", not '" + abbreviate(String.valueOf(ex.getValue())) + "'");
		problem.setTitle("Bad request");
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	/**
	 * A body that is missing or not JSON at all (a JSON value that is not a reading is
	 * refused by the controller, which knows which reading it was).
	 */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String detail = (ex.getMostSpecificCause() instanceof JacksonException json)
				? "The body is not valid JSON" + where(json.getLocation()) + ": " + ReadingsController.READING_FORM
				: "The body is missing: " + ReadingsController.READING_FORM;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle("Bad request");
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	static String expectedForm(@Nullable String name, @Nullable Class<?> type) {
		String what = (name != null) ? name : "the value";
		if (type == Instant.class) {
			return what + " must be an ISO-8601 instant such as 2024-05-01T08:00:00Z";
		}
		if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
			return what + " must be a whole number such as 100";
		}
		if (type == double.class || type == Double.class) {
			return what + " must be a number such as 21.5";
		}
		return what + " is not in the expected form";
	}

	private static String where(@Nullable TokenStreamLocation location) {
		return (location != null && location.getLineNr() > 0)
				? " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")" : "";
	}

	static String abbreviate(String value) {
		return (value.length() > 100) ? value.substring(0, 100) + "…" : value;
	}

}
