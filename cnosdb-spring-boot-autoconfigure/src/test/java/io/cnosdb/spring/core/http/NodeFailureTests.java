package io.cnosdb.spring.core.http;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.api.Test;

import io.cnosdb.spring.core.exception.CnosErrorResponse;
import io.cnosdb.spring.core.exception.CnosTransientException;
import io.cnosdb.spring.core.exception.CnosUncategorizedException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.web.client.ResourceAccessException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a failure says about its node, judged from the exception a request ends with, as
 * the HTTP clients (HttpClient 5, the JDK's) report each way a connection fails.
 */
class NodeFailureTests {

	private static DataAccessResourceFailureException unreachable(Exception cause) {
		return new DataAccessResourceFailureException("Cannot reach CnosDB",
				new ResourceAccessException("I/O error", new java.io.IOException(cause)));
	}

	@Test
	void aConnectionThatWasNeverMadeMayMove() {
		assertThat(NodeFailure.of(unreachable(new HttpHostConnectException("Connection refused"))))
			.isEqualTo(NodeFailure.NOT_SENT);
		assertThat(NodeFailure.of(unreachable(new ConnectException("Connection refused"))))
			.isEqualTo(NodeFailure.NOT_SENT);
		assertThat(NodeFailure.of(unreachable(new ConnectTimeoutException("Connect timed out"))))
			.isEqualTo(NodeFailure.NOT_SENT);
		assertThat(NodeFailure.of(unreachable(new HttpConnectTimeoutException("HTTP connect timed out"))))
			.isEqualTo(NodeFailure.NOT_SENT);
		assertThat(NodeFailure.of(unreachable(new UnknownHostException("cnosdb-2")))).isEqualTo(NodeFailure.NOT_SENT);
		assertThat(NodeFailure.of(unreachable(new NoRouteToHostException("No route to host"))))
			.isEqualTo(NodeFailure.NOT_SENT);
		assertThat(NodeFailure.NOT_SENT.mayMove()).isTrue();
	}

	@Test
	void a503AnswerMayMove() {
		CnosTransientException answer = new CnosTransientException("writing",
				new CnosErrorResponse(503, null, "upstream unavailable"));
		assertThat(NodeFailure.of(answer)).isEqualTo(NodeFailure.UNAVAILABLE);
		assertThat(NodeFailure.UNAVAILABLE.mayMove()).isTrue();
	}

	@Test
	void aConnectionLostAfterTheRequestWasSentIsANodeFailureThatStays() {
		assertThat(NodeFailure.of(new QueryTimeoutException("did not answer in time",
				new ResourceAccessException("I/O error", new SocketTimeoutException("Read timed out")))))
			.isEqualTo(NodeFailure.SENT);
		assertThat(NodeFailure.of(unreachable(new SocketException("Connection reset")))).isEqualTo(NodeFailure.SENT);
		assertThat(NodeFailure.of(unreachable(new NoHttpResponseException("The target server failed to respond"))))
			.isEqualTo(NodeFailure.SENT);
		assertThat(NodeFailure.SENT.isNodeFailure()).isTrue();
		assertThat(NodeFailure.SENT.mayMove()).isFalse();
	}

	@Test
	void whatTheServerAnsweredOrTheClientFailedOnItsOwnIsNoFailureOfTheNode() {
		assertThat(NodeFailure.of(new CnosUncategorizedException("writing", new CnosErrorResponse(500, null, ""))))
			.isEqualTo(NodeFailure.NONE);
		assertThat(NodeFailure.of(new TransientDataAccessResourceException("No free connection",
				new ResourceAccessException("I/O error", new ConnectionRequestTimeoutException("Timeout")))))
			.isEqualTo(NodeFailure.NONE);
		assertThat(NodeFailure.of(new DataRetrievalFailureException("row too large"))).isEqualTo(NodeFailure.NONE);
		assertThat(NodeFailure.of(new IllegalStateException("a mapper's failure"))).isEqualTo(NodeFailure.NONE);
		assertThat(NodeFailure.NONE.isNodeFailure()).isFalse();
	}

}
