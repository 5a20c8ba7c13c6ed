package io.cnosdb.spring.core.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;

import io.cnosdb.spring.core.support.CnosTimeouts;
import io.cnosdb.spring.core.result.CsvResultReader;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;

/**
 * How a failure to reach the server or to read its answer becomes a
 * {@link DataAccessException}: an exhausted connection pool is transient, a timeout or an
 * expired statement deadline a {@link QueryTimeoutException}, any other I/O failure a
 * {@link DataAccessResourceFailureException}. Error answers are the translator's concern,
 * not this one's.
 */
final class HttpFailures {

	private final String displayUrl;

	/** How many connections the client's pool holds, for messages; 0 if unknown. */
	private final int maxConnections;

	HttpFailures(String displayUrl, int maxConnections) {
		this.displayUrl = displayUrl;
		this.maxConnections = maxConnections;
	}

	/**
	 * Like {@link #translateReadFailure(String, Exception)}, naming an expired deadline
	 * or a row too large.
	 */
	DataAccessException translateReadFailure(String description, Exception ex, StatementDeadline deadline) {
		if (deadline.expired()) {
			return deadlineExpired(description, deadline, ex);
		}
		if (ex instanceof CsvResultReader.RowTooLargeException tooLarge) {
			return new DataRetrievalFailureException("Could not read the answer of CnosDB at " + this.displayUrl
					+ " while " + description + ": " + ex.getMessage() + ", the most one row may take; select fewer "
					+ "or shorter columns, or raise the limit (cnosdb.max-row-size, or maxRowSize of the template's "
					+ "builder) above " + tooLarge.maxRowSize() + " bytes", ex);
		}
		return translateReadFailure(description, ex);
	}

	QueryTimeoutException deadlineExpired(String description, StatementDeadline deadline, Exception ex) {
		return new QueryTimeoutException("CnosDB at " + this.displayUrl + " did not answer in time while " + description
				+ ": the answer did not end within the deadline of " + CnosTimeouts.millis(deadline.timeout())
				+ " ms, so it was " + "aborted; " + deadline.setting(), ex);
	}

	DataAccessException translateReadFailure(String description, Exception ex) {
		if (ex instanceof DataAccessException dataAccessException) {
			return dataAccessException;
		}
		if (ex instanceof IOException || ex instanceof UncheckedIOException || ex.getCause() instanceof IOException) {
			return ioFailure(description, ex);
		}
		return new DataRetrievalFailureException("Could not read the answer of CnosDB at " + this.displayUrl + " while "
				+ description + ": " + ex.getMessage(), ex);
	}

	DataAccessException ioFailure(String description, Exception ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			if (cause instanceof SocketTimeoutException || cause instanceof HttpTimeoutException) {
				break;
			}
			cause = cause.getCause();
		}
		String reason = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
		if (isPoolExhausted(ex)) {
			String pool = (this.maxConnections > 0) ? "the pool of " + this.maxConnections + " connection(s)"
					: "the HTTP client's connection pool";
			return new TransientDataAccessResourceException("No free connection to CnosDB at " + this.displayUrl
					+ " in " + pool + " within the connection request timeout while " + description
					+ "; the server was not asked. Every connection is in use: by open query streams, or by queries "
					+ "run inside another query's row callback. Raise the pool size (cnosdb.max-connections), "
					+ "close streams sooner, or run fewer statements at once (" + reason + ")", ex);
		}
		if (cause instanceof SocketTimeoutException || cause instanceof HttpTimeoutException
				|| cause instanceof InterruptedIOException) {
			return new QueryTimeoutException("CnosDB at " + this.displayUrl + " did not answer in time while "
					+ description + " (" + reason + ")", ex);
		}
		return new DataAccessResourceFailureException(
				"Cannot reach CnosDB at " + this.displayUrl + " while " + description + ": " + reason, ex);
	}

	/**
	 * Whether HttpClient 5 gave up waiting for a free connection of its pool; named, not
	 * referenced, so the class loads without HttpClient 5.
	 */
	private static boolean isPoolExhausted(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause.getClass().getName().equals("org.apache.hc.core5.http.ConnectionRequestTimeoutException")) {
				return true;
			}
		}
		return false;
	}

}
