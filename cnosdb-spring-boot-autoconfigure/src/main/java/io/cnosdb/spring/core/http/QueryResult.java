package io.cnosdb.spring.core.http;

import io.cnosdb.spring.core.result.CnosColumns;
import io.cnosdb.spring.core.result.CnosRow;
import io.cnosdb.spring.core.result.CsvResultReader;

import java.io.Closeable;
import java.io.InputStream;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;

import org.springframework.dao.DataAccessException;
import org.springframework.http.client.ClientHttpResponse;

/**
 * An open CSV answer: its columns, then one row at a time. Closing it releases the
 * connection, also when the rows were not all read: an answer read to its end leaves the
 * connection for reuse; one left unread (a stream closed early, a mapper or CSV failure,
 * an expired deadline) is aborted, since reading the rest could take as long as the
 * server likes. The statement's observation ends with the last row, a failure to read a
 * row (which it records) or closing, whichever comes first.
 * <p>
 * The answer comes from one node of a cluster: if that node fails midway, reading fails
 * with an exception naming it, and the statement is not run again on another node, which
 * would hand out rows twice or change what was already read.
 */
public final class QueryResult implements Closeable {

	private final ClientHttpResponse response;

	private final InputStream body;

	private final CsvResultReader reader;

	private final NodeClient client;

	private final Supplier<String> description;

	private final StatementDeadline deadline;

	private final Observation observation;

	private boolean finished;

	private boolean observed;

	QueryResult(ClientHttpResponse response, InputStream body, CsvResultReader reader, NodeClient client,
			Supplier<String> description, StatementDeadline deadline, Observation observation) {
		this.response = response;
		this.body = body;
		this.reader = reader;
		this.client = client;
		this.description = description;
		this.deadline = deadline;
		this.observation = observation;
	}

	public CnosColumns columns() {
		return this.reader.columns();
	}

	/** The reader, whose current row a {@link CnosRow} shows. */
	public CsvResultReader reader() {
		return this.reader;
	}

	/**
	 * Moves to the next row; {@code false} at the end. Read failures become
	 * DataAccessExceptions.
	 */
	public boolean next() {
		try {
			boolean more = this.reader.next();
			this.finished = !more;
			if (!more) {
				// Read to its end: nothing is left for the deadline to abort, even if the
				// caller
				// never closes this result (a stream collected without
				// try-with-resources).
				this.deadline.close();
				stopObservation();
			}
			return more;
		}
		catch (RuntimeException ex) {
			DataAccessException failure = this.client.translateReadFailure(this.description, ex, this.deadline);
			if (!this.observed) {
				this.observation.error(failure);
				stopObservation();
			}
			throw failure;
		}
	}

	/**
	 * Reads the rows left, within the deadline, so that the connection is kept: for
	 * callers that want the statement's effect rather than its rows.
	 */
	public void finish() {
		while (next()) {
			// Only to the end.
		}
	}

	@Override
	public void close() {
		try {
			if (!this.finished) {
				ResponseBodies.abort(this.body);
			}
			this.reader.close();
		}
		finally {
			try {
				this.response.close();
			}
			finally {
				this.deadline.close();
				stopObservation();
			}
		}
	}

	private void stopObservation() {
		if (!this.observed) {
			this.observed = true;
			this.observation.stop();
		}
	}

}
