package io.cnosdb.spring.core;

import java.io.Closeable;

import org.springframework.http.client.ClientHttpResponse;

/**
 * An open CSV answer: its columns, then one row at a time. Closing it releases the
 * connection, also when the rows were not all read.
 */
final class QueryResult implements Closeable {

	private final ClientHttpResponse response;

	private final CsvResultReader reader;

	private final CnosHttpClient client;

	private final String description;

	QueryResult(ClientHttpResponse response, CsvResultReader reader, CnosHttpClient client, String description) {
		this.response = response;
		this.reader = reader;
		this.client = client;
		this.description = description;
	}

	CnosColumns columns() {
		return this.reader.columns();
	}

	/** The reader, whose current row a {@link CnosRow} shows. */
	CsvResultReader reader() {
		return this.reader;
	}

	/** Moves to the next row; {@code false} at the end. Read failures become DataAccessExceptions. */
	boolean next() {
		try {
			return this.reader.next();
		}
		catch (RuntimeException ex) {
			throw this.client.translateReadFailure(this.description, ex);
		}
	}

	@Override
	public void close() {
		try {
			this.reader.close();
		}
		finally {
			this.response.close();
		}
	}

}
