package io.cnosdb.spring.core.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;

import io.cnosdb.spring.core.exception.CnosServerFailure;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;

/**
 * What a failed request says about the node it went to, and so whether it may go to
 * another node. Only what cannot have reached the server moves: a connection that was
 * never made, or a 503 answer, which says the request was not taken. Once a request was
 * sent, the server may have applied it, and the client does not send it again.
 */
enum NodeFailure {

	/**
	 * The connection could not be made (refused, connect timeout, unknown host, no
	 * route): the server never saw the request, so any request may go to another node.
	 */
	NOT_SENT,

	/**
	 * The node answered 503 Service Unavailable, which says it did not take the request:
	 * it may go to another node.
	 */
	UNAVAILABLE,

	/**
	 * The connection failed after the request was sent, or while it was being sent (a
	 * read timeout, a reset): the node may have applied it, so it is not sent again.
	 */
	SENT,

	/**
	 * Not a failure of the node: it answered (an error about the request, say), or the
	 * client failed on its own (an exhausted connection pool, a row too large).
	 */
	NONE;

	/**
	 * Classes of connect timeouts named, not referenced, so that this loads without
	 * HttpClient 5.
	 */
	private static final String HTTP_COMPONENTS_CONNECT_TIMEOUT = "org.apache.hc.client5.http.ConnectTimeoutException";

	private static final String HTTP_COMPONENTS_POOL_TIMEOUT = "org.apache.hc.core5.http.ConnectionRequestTimeoutException";

	/**
	 * Whether the node failed, judged from the exception a request ended with, whose
	 * causes hold the I/O failure the HTTP client reported.
	 */
	boolean isNodeFailure() {
		return this != NONE;
	}

	/** Whether the request may go to another node. */
	boolean mayMove() {
		return this == NOT_SENT || this == UNAVAILABLE;
	}

	static NodeFailure of(Throwable failure) {
		if (failure instanceof CnosServerFailure answer) {
			return (answer.getStatusCode() == 503) ? UNAVAILABLE : NONE;
		}
		boolean io = false;
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (isConnectFailure(cause)) {
				return NOT_SENT;
			}
			if (cause.getClass().getName().equals(HTTP_COMPONENTS_POOL_TIMEOUT)) {
				// No connection of the pool was free: the node was not asked.
				return NONE;
			}
			io |= cause instanceof IOException;
		}
		boolean transport = failure instanceof DataAccessResourceFailureException
				|| failure instanceof QueryTimeoutException;
		return (io && transport) ? SENT : NONE;
	}

	private static boolean isConnectFailure(Throwable cause) {
		return cause instanceof ConnectException || cause instanceof UnknownHostException
				|| cause instanceof NoRouteToHostException || cause instanceof HttpConnectTimeoutException
				|| cause.getClass().getName().equals(HTTP_COMPONENTS_CONNECT_TIMEOUT);
	}

}
